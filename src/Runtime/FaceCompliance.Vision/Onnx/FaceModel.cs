using System.Collections.Generic;

namespace FaceCompliance.Vision.Onnx;

/// <summary>The name and fixed shape of one model input or output (all are float32).</summary>
/// <param name="Name">The tensor's name in the ONNX graph.</param>
/// <param name="Shape">Its dimensions; every model here has a fixed batch of 1.</param>
internal sealed record TensorSpec(string Name, IReadOnlyList<int> Shape)
{
    /// <summary>The number of elements: the product of <see cref="Shape"/>.</summary>
    public int ElementCount
    {
        get
        {
            int count = 1;
            foreach (int dimension in Shape)
            {
                count *= dimension;
            }
            return count;
        }
    }
}

/// <summary>
/// One of the four face models embedded in FaceCompliance.Vision: its file, its size and SHA-256 as recorded in
/// Models/MODELS.md (and checked by the build in Models/FaceModels.targets), and the tensors it takes and gives
/// (checked against the loaded sessions by the tests). Pre- and post-processing are described in MODELS.md.
/// </summary>
internal sealed class FaceModel
{
    private FaceModel(string fileName, long length, string sha256, TensorSpec input, params TensorSpec[] outputs)
    {
        FileName = fileName;
        Length = length;
        Sha256 = sha256;
        Input = input;
        Outputs = outputs;
    }

    /// <summary>
    /// fr_detect.onnx: the detector. Input 1x3x240x320 (the whole image resized, (p-127)/128, channels B,G,R);
    /// outputs <c>scores</c> 1x4420x2 (background, face) and <c>boxes</c> 1x4420x4, already decoded: corner form
    /// (x1, y1, x2, y2) relative to the input.
    /// </summary>
    public static FaceModel Detector { get; } = new(
        "fr_detect.onnx", 1_217_758, "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854",
        new TensorSpec("input", [1, 3, 240, 320]),
        new TensorSpec("scores", [1, 4420, 2]),
        new TensorSpec("boxes", [1, 4420, 4]));

    /// <summary>
    /// fr_landmark.onnx: 68 landmarks. Input 1x1x64x64 (the square face crop in gray, p/256); output 1x136,
    /// (x, y) pairs relative to the crop.
    /// </summary>
    public static FaceModel Landmarks { get; } = new(
        "fr_landmark.onnx", 1_163_742, "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258",
        new TensorSpec("input", [1, 1, 64, 64]),
        new TensorSpec("output", [1, 136]));

    /// <summary>
    /// fr_feature.onnx: the face embedding. Input 1x3x112x112 (the aligned face, RGB, (p-127)/128); output 1x512,
    /// to be L2-normalised and compared by cosine.
    /// </summary>
    public static FaceModel Embedding { get; } = new(
        "fr_feature.onnx", 4_884_269, "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581",
        new TensorSpec("input", [1, 3, 112, 112]),
        new TensorSpec("output", [1, 512]));

    /// <summary>
    /// fr_liveness.onnx: presentation-attack detection. Input 1x3x128x128 (the face box enlarged 2.7 times, raw
    /// 0-255 values in the image's channel order); output 1x3 logits, softmaxed by the package's JavaScript, which
    /// reports class 0.
    /// </summary>
    public static FaceModel Liveness { get; } = new(
        "fr_liveness.onnx", 1_886_811, "afa783b7e902fdfcf323a7240cac2a1c580c25314ea4161129dc1b0d100dc32d",
        new TensorSpec("input", [1, 3, 128, 128]),
        new TensorSpec("output", [1, 3]));

    /// <summary>The four models, in pipeline order.</summary>
    public static IReadOnlyList<FaceModel> All { get; } = [Detector, Landmarks, Embedding, Liveness];

    /// <summary>The file name in the npm package's <c>model/</c> folder.</summary>
    public string FileName { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; }

    /// <summary>The file's SHA-256, lower-case hex, as recorded in MODELS.md.</summary>
    public string Sha256 { get; }

    /// <summary>The model's single input.</summary>
    public TensorSpec Input { get; }

    /// <summary>The model's outputs, in graph order.</summary>
    public IReadOnlyList<TensorSpec> Outputs { get; }

    /// <summary>The manifest resource that holds the model in FaceCompliance.Vision.dll.</summary>
    public string ResourceName => "FaceCompliance.Vision.Models." + FileName;

    /// <inheritdoc />
    public override string ToString() => FileName;
}
