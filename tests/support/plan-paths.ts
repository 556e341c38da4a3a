/**
 * The analysts' example of issue 25: I.3.2 to IV.2.2 have no path through actors and
 * instruments around Japan and Mongolia; through the plan's structure they are joined by
 * this one, up to the plan and down again. The API and the explorer are both held to it.
 */
export const I32 = 'jp-mn-2022/I.3.2';
export const IV22 = 'jp-mn-2022/IV.2.2';
export const I32_TO_IV22_THROUGH_STRUCTURE = [
  I32,
  'jp-mn-2022/I.3',
  'jp-mn-2022/I',
  'jp-mn-2022',
  'jp-mn-2022/IV',
  'jp-mn-2022/IV.2',
  IV22,
];
