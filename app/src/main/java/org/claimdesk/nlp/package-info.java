/**
 * Language and text analysis: language detection (Lingua), Arabic normalisation, sentences,
 * tokens, lemmas and named entities (CoreNLP for en/ar/de/fr/es, Kuromoji for Japanese, ICU
 * break iteration for everything else). Comes after {@code extract} and before {@code store} in
 * the data flow; works on plain text only and never touches the database or the window.
 */
package org.claimdesk.nlp;
