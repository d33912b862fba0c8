/**
 * The canonical JSON form of every record ({@link org.creditbank.model.json.CanonicalJson}): sorted
 * keys, plain decimals, strict reading. Every endorsing peer must write identical bytes and every
 * verifier must recompute the same content hash, so there is exactly one mapper, used by all layers.
 */
package org.creditbank.model.json;
