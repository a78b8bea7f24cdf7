/**
 * Harmonising a hospital's table with the study's common vocabulary before anything is summarised: renamed
 * columns, recoded values (the outcome's codes and category spellings) and unit conversions. A hospital's mapping is
 * part of the study and is applied where the table is read: by the simulation, and by the hospital's node.
 */
package org.medfed.data.harmonise;
