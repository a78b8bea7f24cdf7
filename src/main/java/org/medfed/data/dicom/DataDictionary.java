package org.medfed.data.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately small data dictionary: the attributes a federated imaging study reads, their keywords and
 * VRs. Implicit VR files need it to know how to decode a value; tags not listed here are read as UN (raw
 * bytes), which keeps every file readable while we only interpret what we use.
 */
public final class DataDictionary {

    private record Entry(String keyword, Vr vr) {
    }

    private static final Map<Integer, Entry> BY_TAG = new HashMap<>();
    private static final Map<String, Integer> BY_KEYWORD = new HashMap<>();

    static {
        add(Tag.FileMetaInformationGroupLength, "FileMetaInformationGroupLength", Vr.UL);
        add(Tag.FileMetaInformationVersion, "FileMetaInformationVersion", Vr.OB);
        add(Tag.MediaStorageSOPClassUID, "MediaStorageSOPClassUID", Vr.UI);
        add(Tag.MediaStorageSOPInstanceUID, "MediaStorageSOPInstanceUID", Vr.UI);
        add(Tag.TransferSyntaxUID, "TransferSyntaxUID", Vr.UI);
        add(Tag.ImplementationClassUID, "ImplementationClassUID", Vr.UI);
        add(Tag.ImplementationVersionName, "ImplementationVersionName", Vr.SH);
        add(Tag.SourceApplicationEntityTitle, "SourceApplicationEntityTitle", Vr.AE);
        add(Tag.SpecificCharacterSet, "SpecificCharacterSet", Vr.CS);
        add(Tag.ImageType, "ImageType", Vr.CS);
        add(Tag.SOPClassUID, "SOPClassUID", Vr.UI);
        add(Tag.SOPInstanceUID, "SOPInstanceUID", Vr.UI);
        add(Tag.StudyDate, "StudyDate", Vr.DA);
        add(Tag.SeriesDate, "SeriesDate", Vr.DA);
        add(Tag.ContentDate, "ContentDate", Vr.DA);
        add(Tag.StudyTime, "StudyTime", Vr.TM);
        add(Tag.SeriesTime, "SeriesTime", Vr.TM);
        add(Tag.AccessionNumber, "AccessionNumber", Vr.SH);
        add(Tag.Modality, "Modality", Vr.CS);
        add(Tag.Manufacturer, "Manufacturer", Vr.LO);
        add(Tag.InstitutionName, "InstitutionName", Vr.LO);
        add(Tag.ReferringPhysicianName, "ReferringPhysicianName", Vr.PN);
        add(Tag.StudyDescription, "StudyDescription", Vr.LO);
        add(Tag.SeriesDescription, "SeriesDescription", Vr.LO);
        add(Tag.ManufacturerModelName, "ManufacturerModelName", Vr.LO);
        add(Tag.PatientName, "PatientName", Vr.PN);
        add(Tag.PatientID, "PatientID", Vr.LO);
        add(Tag.PatientBirthDate, "PatientBirthDate", Vr.DA);
        add(Tag.PatientSex, "PatientSex", Vr.CS);
        add(Tag.PatientAge, "PatientAge", Vr.AS);
        add(Tag.BodyPartExamined, "BodyPartExamined", Vr.CS);
        add(Tag.SliceThickness, "SliceThickness", Vr.DS);
        add(Tag.KVP, "KVP", Vr.DS);
        add(Tag.SpacingBetweenSlices, "SpacingBetweenSlices", Vr.DS);
        add(Tag.StudyInstanceUID, "StudyInstanceUID", Vr.UI);
        add(Tag.SeriesInstanceUID, "SeriesInstanceUID", Vr.UI);
        add(Tag.StudyID, "StudyID", Vr.SH);
        add(Tag.SeriesNumber, "SeriesNumber", Vr.IS);
        add(Tag.InstanceNumber, "InstanceNumber", Vr.IS);
        add(Tag.ImagePositionPatient, "ImagePositionPatient", Vr.DS);
        add(Tag.ImageOrientationPatient, "ImageOrientationPatient", Vr.DS);
        add(Tag.FrameOfReferenceUID, "FrameOfReferenceUID", Vr.UI);
        add(Tag.SliceLocation, "SliceLocation", Vr.DS);
        add(Tag.SamplesPerPixel, "SamplesPerPixel", Vr.US);
        add(Tag.PhotometricInterpretation, "PhotometricInterpretation", Vr.CS);
        add(Tag.PlanarConfiguration, "PlanarConfiguration", Vr.US);
        add(Tag.NumberOfFrames, "NumberOfFrames", Vr.IS);
        add(Tag.FrameIncrementPointer, "FrameIncrementPointer", Vr.AT);
        add(Tag.Rows, "Rows", Vr.US);
        add(Tag.Columns, "Columns", Vr.US);
        add(Tag.PixelSpacing, "PixelSpacing", Vr.DS);
        add(Tag.BitsAllocated, "BitsAllocated", Vr.US);
        add(Tag.BitsStored, "BitsStored", Vr.US);
        add(Tag.HighBit, "HighBit", Vr.US);
        add(Tag.PixelRepresentation, "PixelRepresentation", Vr.US);
        add(Tag.WindowCenter, "WindowCenter", Vr.DS);
        add(Tag.WindowWidth, "WindowWidth", Vr.DS);
        add(Tag.RescaleIntercept, "RescaleIntercept", Vr.DS);
        add(Tag.RescaleSlope, "RescaleSlope", Vr.DS);
        add(Tag.RescaleType, "RescaleType", Vr.LO);
        add(Tag.WindowCenterWidthExplanation, "WindowCenterWidthExplanation", Vr.LO);
        add(Tag.LossyImageCompression, "LossyImageCompression", Vr.CS);
        add(Tag.DoseUnits, "DoseUnits", Vr.CS);
        add(Tag.DoseType, "DoseType", Vr.CS);
        add(Tag.GridFrameOffsetVector, "GridFrameOffsetVector", Vr.DS);
        add(Tag.DoseGridScaling, "DoseGridScaling", Vr.DS);
        add(Tag.BeamSequence, "BeamSequence", Vr.SQ);
        add(Tag.ReferencedImageSequence, "ReferencedImageSequence", Vr.SQ);
        add(Tag.SourceImageSequence, "SourceImageSequence", Vr.SQ);
        add(Tag.SharedFunctionalGroupsSequence, "SharedFunctionalGroupsSequence", Vr.SQ);
        add(Tag.PerFrameFunctionalGroupsSequence, "PerFrameFunctionalGroupsSequence", Vr.SQ);
        add(Tag.WaveformSequence, "WaveformSequence", Vr.SQ);
        add(Tag.PixelData, "PixelData", Vr.OW);
        add(Tag.Item, "Item", null);
        add(Tag.ItemDelimitationItem, "ItemDelimitationItem", null);
        add(Tag.SequenceDelimitationItem, "SequenceDelimitationItem", null);
    }

    private DataDictionary() {
    }

    private static void add(int tag, String keyword, Vr vr) {
        BY_TAG.put(tag, new Entry(keyword, vr));
        BY_KEYWORD.put(keyword, tag);
    }

    /** The keyword of a tag ("Rows"), or null when the tag is not in this dictionary. */
    public static String keyword(int tag) {
        Entry e = BY_TAG.get(tag);
        if (e == null && (tag & 0xFFFF) == 0) {
            return "GroupLength";
        }
        return e == null ? null : e.keyword();
    }

    /** The tag of a keyword, or null. */
    public static Integer tagOf(String keyword) {
        return BY_KEYWORD.get(keyword);
    }

    /**
     * The VR used to decode a tag of an implicit VR dataset: from the dictionary, UL for group lengths,
     * UN for anything else (private tags included).
     */
    public static Vr implicitVr(int tag) {
        Entry e = BY_TAG.get(tag);
        if (e != null && e.vr() != null) {
            return e.vr();
        }
        if ((tag & 0xFFFF) == 0) {
            return Vr.UL;
        }
        return Vr.UN;
    }
}
