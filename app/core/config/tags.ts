// Every Label Studio config tag prelabel knows: its kind, and for control tags the result types it writes.

export type TagKind = 'object' | 'control' | 'child' | 'visual';

export interface TagSpec {
  /** The spelling Label Studio documents. */
  tag: string;
  kind: TagKind;
  /** Control tags: the result `type` values this control writes. */
  resultTypes?: string[];
  /** Control tags: the child tag holding its options (Label, Choice, Relation). */
  option?: 'label' | 'choice' | 'relation';
  /** Control tags that need no `toName` (they point at themselves). */
  selfReferencing?: boolean;
  /** Object tags that also act as their own control (Chat writes chatmessage results to itself). */
  alsoControl?: boolean;
}

const specs: TagSpec[] = [
  // Object tags: they show data.
  { tag: 'Image', kind: 'object' },
  { tag: 'Text', kind: 'object' },
  { tag: 'HyperText', kind: 'object' },
  { tag: 'Audio', kind: 'object' },
  { tag: 'AudioPlus', kind: 'object' },
  { tag: 'Video', kind: 'object' },
  { tag: 'Paragraphs', kind: 'object' },
  { tag: 'TimeSeries', kind: 'object' },
  { tag: 'Table', kind: 'object' },
  { tag: 'List', kind: 'object' },
  { tag: 'Pdf', kind: 'object' },
  { tag: 'Markdown', kind: 'object' },
  { tag: 'Chat', kind: 'object', alsoControl: true, resultTypes: ['chatmessage'] },
  // Control tags: they write results.
  { tag: 'Labels', kind: 'control', resultTypes: ['labels'], option: 'label' },
  { tag: 'RectangleLabels', kind: 'control', resultTypes: ['rectanglelabels'], option: 'label' },
  { tag: 'Rectangle', kind: 'control', resultTypes: ['rectangle'] },
  { tag: 'PolygonLabels', kind: 'control', resultTypes: ['polygonlabels'], option: 'label' },
  { tag: 'Polygon', kind: 'control', resultTypes: ['polygon'] },
  { tag: 'EllipseLabels', kind: 'control', resultTypes: ['ellipselabels'], option: 'label' },
  { tag: 'Ellipse', kind: 'control', resultTypes: ['ellipse'] },
  { tag: 'KeyPointLabels', kind: 'control', resultTypes: ['keypointlabels'], option: 'label' },
  { tag: 'KeyPoint', kind: 'control', resultTypes: ['keypoint'] },
  { tag: 'BrushLabels', kind: 'control', resultTypes: ['brushlabels'], option: 'label' },
  { tag: 'Brush', kind: 'control', resultTypes: ['brush'] },
  { tag: 'BitmaskLabels', kind: 'control', resultTypes: ['bitmasklabels'], option: 'label' },
  { tag: 'Bitmask', kind: 'control', resultTypes: ['bitmask'] },
  { tag: 'MagicWand', kind: 'control', resultTypes: ['magicwand'] },
  { tag: 'VectorLabels', kind: 'control', resultTypes: ['vectorlabels'], option: 'label' },
  { tag: 'Vector', kind: 'control', resultTypes: ['vector'] },
  { tag: 'HyperTextLabels', kind: 'control', resultTypes: ['hypertextlabels'], option: 'label' },
  { tag: 'ParagraphLabels', kind: 'control', resultTypes: ['paragraphlabels'], option: 'label' },
  { tag: 'TimeSeriesLabels', kind: 'control', resultTypes: ['timeserieslabels'], option: 'label' },
  { tag: 'TimelineLabels', kind: 'control', resultTypes: ['timelinelabels'], option: 'label' },
  { tag: 'OcrLabels', kind: 'control', resultTypes: ['ocrlabels'], option: 'label' },
  { tag: 'VideoRectangle', kind: 'control', resultTypes: ['videorectangle'] },
  { tag: 'VideoVector', kind: 'control', resultTypes: ['videovector'] },
  { tag: 'VideoVectorLabels', kind: 'control', resultTypes: ['videovectorlabels'], option: 'label' },
  { tag: 'Choices', kind: 'control', resultTypes: ['choices'], option: 'choice' },
  { tag: 'Taxonomy', kind: 'control', resultTypes: ['taxonomy'], option: 'choice' },
  { tag: 'TextArea', kind: 'control', resultTypes: ['textarea'] },
  { tag: 'Rating', kind: 'control', resultTypes: ['rating'] },
  { tag: 'Number', kind: 'control', resultTypes: ['number'] },
  { tag: 'DateTime', kind: 'control', resultTypes: ['datetime'] },
  { tag: 'Pairwise', kind: 'control', resultTypes: ['pairwise'] },
  { tag: 'Ranker', kind: 'control', resultTypes: ['ranker'], option: 'choice' },
  { tag: 'Relations', kind: 'control', resultTypes: ['relation'], option: 'relation', selfReferencing: true },
  { tag: 'ReactCode', kind: 'control', resultTypes: ['reactcode'], selfReferencing: true },
  { tag: 'ChatMessage', kind: 'control', resultTypes: ['chatmessage'] },
  // Children of controls and objects.
  { tag: 'Label', kind: 'child' },
  { tag: 'Choice', kind: 'child' },
  { tag: 'Relation', kind: 'child' },
  { tag: 'Channel', kind: 'child' },
  { tag: 'MultiChannel', kind: 'child' },
  { tag: 'Bucket', kind: 'child' },
  { tag: 'Shortcut', kind: 'child' },
  // Layout and decoration.
  { tag: 'View', kind: 'visual' },
  { tag: 'Header', kind: 'visual' },
  { tag: 'Style', kind: 'visual' },
  { tag: 'Repeater', kind: 'visual' },
  { tag: 'Collapse', kind: 'visual' },
  { tag: 'Panel', kind: 'visual' },
  { tag: 'Filter', kind: 'visual' },
  { tag: 'Dialog', kind: 'visual' },
];

const byLower = new Map(specs.map((s) => [s.tag.toLowerCase(), s]));

/** Tag names are matched case-insensitively, as Label Studio does (TextArea and Textarea both work). */
export function tagSpec(name: string): TagSpec | undefined {
  return byLower.get(name.toLowerCase());
}

export const allTagSpecs: readonly TagSpec[] = specs;

/** Result types whose value holds the main answer under another key than the type itself. */
const VALUE_KEYS: Record<string, string> = {
  textarea: 'text',
  pairwise: 'selected',
};

export function valueKeyOf(type: string): string {
  return VALUE_KEYS[type] ?? type;
}

/** Result types Label Studio's editor accepts (FORMAT-NOTES §2), plus the newer ones. */
export const knownResultTypes: ReadonlySet<string> = new Set([
  ...specs.flatMap((s) => s.resultTypes ?? []),
  'relation',
]);
