package im.parley.bench;

/** A scenario measured against its floor or reference in the same interleaved series. */
record Comparison(Samples figure, Samples reference) {
}
