'use strict';

// Learning-account numbers as org.creditbank.model.learner.AccountNumber defines them:
// "CB" + 15 Crockford base-32 characters + 1 check character. The check character is the sum of
// each body character's value times an odd weight (2i + 1), mod 32, so any single substitution
// changes it. Kept in step with the Java class by hand; the chaincode rejects a wrong one.

const crypto = require('crypto');

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 15;

function checkChar(body) {
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
        sum += ALPHABET.indexOf(body[i]) * (2 * i + 1);
    }
    return ALPHABET[sum % ALPHABET.length];
}

function randomAccountNumber() {
    let body = '';
    for (let i = 0; i < BODY_LENGTH; i++) {
        body += ALPHABET[crypto.randomInt(ALPHABET.length)];
    }
    return 'CB' + body + checkChar(body);
}

function isValidAccountNumber(value) {
    if (typeof value !== 'string' || !/^CB[0-9A-HJKMNP-TV-Z]{16}$/.test(value)) {
        return false;
    }
    const body = value.substring(2, 2 + BODY_LENGTH);
    return value[value.length - 1] === checkChar(body);
}

module.exports = { randomAccountNumber, isValidAccountNumber, checkChar };
