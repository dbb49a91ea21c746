// Reads the project's custom labels (name -> value) from the one labels file.
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export const LABELS_FILE = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';

/** Returns a Map of label full name to its value; an empty map when there is no labels file yet. */
export function readLabels(file = LABELS_FILE) {
    const labels = new Map();
    if (!existsSync(file)) return labels;
    const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false, trimValues: false });
    const doc = parser.parse(readFileSync(file, 'utf8'));
    for (const label of doc.CustomLabels?.labels ?? []) labels.set(String(label.fullName), String(label.value ?? ''));
    return labels;
}
