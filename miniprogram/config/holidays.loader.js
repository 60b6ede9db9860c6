/**
 * Webpack loader for chinese-days' holiday table in the app builds: keeps the years the app can
 * meet (from the year before the build on), since the table reaches back to 2004 and was a fifth
 * of the shared code the app ships. The server counts on the whole table; where the app's copy
 * lacks a year, its deadline presenter shows the date instead of a count.
 */
const FROM_YEAR = Number(process.env.ZC_HOLIDAYS_FROM ?? new Date().getFullYear() - 1);

const keep = (table) => Object.fromEntries(Object.entries(table ?? {}).filter(([date]) => Number(date.slice(0, 4)) >= FROM_YEAR));

module.exports = function trimHolidays(source) {
  const data = JSON.parse(source);
  return JSON.stringify(Object.fromEntries(Object.entries(data).map(([name, table]) => [name, keep(table)])));
};
