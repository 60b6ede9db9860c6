/**
 * The counts the sample dataset must reproduce. The exact ones come from the source
 * (16 townships, 858 villages, 53 village and 186 township items, 59 zone and 268 太平镇 items);
 * the minimums are sample-data choices.
 */
export const SAMPLE_COUNTS = {
  townships: 16,
  villages: 858,
  villageItems: 53,
  townshipItems: 186,
  zoneItems: 59,
  taipingItems: 268,
  minCityItems: 120,
  minBanks: 20,
} as const;
