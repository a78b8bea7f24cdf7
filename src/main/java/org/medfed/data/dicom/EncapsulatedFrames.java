package org.medfed.data.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;

/** Groups the fragments of encapsulated pixel data into frames (PS3.5 A.4). */
final class EncapsulatedFrames {

    private EncapsulatedFrames() {
    }

    /**
     * The compressed bytes of each frame: by the basic offset table when it has entries; otherwise one
     * fragment per frame when the counts agree, all fragments for a single frame, or a split at each
     * fragment that starts a new JPEG / JPEG 2000 codestream.
     */
    static List<byte[]> split(List<byte[]> fragments, int frames, Path source) {
        byte[] bot = fragments.get(0);
        List<byte[]> data = fragments.subList(1, fragments.size());
        if (data.isEmpty()) {
            throw new BadInputException(source, "tag " + Tag.describe(Tag.PixelData),
                    "encapsulated pixel data has no fragments: there is no image in it");
        }
        List<List<byte[]>> groups = new ArrayList<>();
        if (bot.length >= 4 && bot.length / 4 == frames) {
            long[] starts = new long[frames];
            for (int i = 0; i < frames; i++) {
                starts[i] = ValueCodec.s32(bot, 4 * i, false) & 0xFFFFFFFFL;
            }
            long position = 0;
            int frame = -1;
            for (byte[] f : data) {
                while (frame + 1 < frames && position >= starts[frame + 1]) {
                    frame++;
                    groups.add(new ArrayList<>());
                }
                if (frame < 0) {
                    throw new BadInputException(source, "tag " + Tag.describe(Tag.PixelData),
                            "the basic offset table does not start at the first fragment");
                }
                groups.get(frame).add(f);
                position += 8 + f.length;
            }
        } else if (frames == 1) {
            groups.add(data);
        } else if (data.size() == frames) {
            for (byte[] f : data) {
                groups.add(List.of(f));
            }
        } else {
            for (byte[] f : data) {
                if (groups.isEmpty() || startsCodestream(f)) {
                    groups.add(new ArrayList<>());
                }
                groups.get(groups.size() - 1).add(f);
            }
        }
        if (groups.size() != frames) {
            throw new BadInputException(source, "tag " + Tag.describe(Tag.PixelData),
                    "the file says " + frames + " frame(s) but its compressed data holds " + groups.size());
        }
        List<byte[]> out = new ArrayList<>(frames);
        for (List<byte[]> g : groups) {
            out.add(concat(g));
        }
        return out;
    }

    private static boolean startsCodestream(byte[] f) {
        return f.length >= 2 && (f[0] & 0xFF) == 0xFF && ((f[1] & 0xFF) == 0xD8 || (f[1] & 0xFF) == 0x4F);
    }

    private static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
