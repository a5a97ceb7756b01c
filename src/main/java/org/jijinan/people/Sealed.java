package org.jijinan.people;

/**
 * A personal value as it is stored: AES-GCM ciphertext and a keyed hash for exact look-up.
 *
 * @param ciphertext the sealed value
 * @param hash the keyed hash
 */
record Sealed(String ciphertext, String hash) {
}
