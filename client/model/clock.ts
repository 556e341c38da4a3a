/** The reader's today as an ISO day (UTC): the day "today" and an export's date stand for. */
export const today = (): string => new Date().toISOString().slice(0, 10);
