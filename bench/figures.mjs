// How the benches reduce and print their figures: one median, one KB.

/** The median of the runs that gave a number (NaN if none did). */
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

/** Bytes as KB (1,024 bytes), one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
