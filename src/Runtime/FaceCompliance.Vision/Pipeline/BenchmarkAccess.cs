using System.Runtime.CompilerServices;

// The pipeline-cost benchmark (tests/FaceCompliance.Benchmarks/PipelineCost) times FaceAnalyzer against bare
// InferenceSession.Run calls on the same prepared inputs.
[assembly: InternalsVisibleTo("FaceCompliance.Benchmarks.PipelineCost")]
