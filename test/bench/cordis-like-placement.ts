/** The region id a German organisation of the CORDIS-like export belongs in: its district, by AGS. */
export const expectedRegionId = (ags: string): string => `de-${ags}`;
