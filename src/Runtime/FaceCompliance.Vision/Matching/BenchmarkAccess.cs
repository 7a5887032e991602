using System.Runtime.CompilerServices;

// The gallery-scan benchmark (tests/FaceCompliance.Benchmarks/GalleryScan) reads the gallery's own memory for its
// plain-read floor and runs the TopK with TensorPrimitives.Dot per row for comparison.
[assembly: InternalsVisibleTo("FaceCompliance.Benchmarks.GalleryScan")]
