// Number and time formatting of the dashboard; amounts come from the API as JSON numbers or null.

const money = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const price = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 4});
const percent = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero'});
const signed = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero'});
const time = new Intl.DateTimeFormat(undefined, {dateStyle: 'short', timeStyle: 'medium'});

const present = (value) => value !== null && value !== undefined && value !== '' && !Number.isNaN(Number(value));

export const formatMoney = (value) => (present(value) ? money.format(Number(value)) : '—');
export const formatPrice = (value) => (present(value) ? price.format(Number(value)) : '—');
export const formatSigned = (value) => (present(value) ? signed.format(Number(value)) : '—');
export const formatPercent = (value) => (present(value) ? `${percent.format(Number(value))} %` : '—');
export const formatTime = (value) => (value ? time.format(new Date(value)) : '—');

/** 'up', 'down' or '' for colouring a change; the sign is always in the text as well. */
export const direction = (value) => (!present(value) || Number(value) === 0 ? '' : Number(value) > 0 ? 'up' : 'down');
