/** A 10-digit Indian mobile number, optionally with +91. */
export const INDIAN_MOBILE = /^(\+91[- ]?)?[6-9]\d{9}$/;
export const INDIAN_MOBILE_MESSAGE = 'must be a 10-digit Indian mobile number starting with 6-9';
