using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FaceCompliance.Vision.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;

namespace FaceCompliance.Vision.Tests;

/// <summary>
/// The embedded models and ONNX Runtime as the build delivers them (issue 5, "Dependencies, fetched by the build"):
/// each model loads with the recorded inputs and outputs, runs on a real photograph, and is refused when its bytes
/// differ from the recorded SHA-256; the hashes in MODELS.md, the build and the code agree.
/// </summary>
public sealed class ModelTests
{
    public static TheoryData<string> ModelFiles => new(FaceModel.All.Select(m => m.FileName));

    private static FaceModel Model(string fileName) => FaceModel.All.Single(m => m.FileName == fileName);

    [Fact]
    public void The_native_runtime_is_the_one_the_NuGet_package_ships()
    {
        // The native library that Microsoft.ML.OnnxRuntime (Directory.Packages.props) ships for this platform.
        Assert.Equal("1.32.0", OrtEnv.Instance().GetVersionString());
    }

    [Theory]
    [MemberData(nameof(ModelFiles))]
    public void Each_model_is_embedded_with_its_recorded_size_and_hash(string fileName)
    {
        FaceModel model = Model(fileName);
        byte[] bytes = ModelStore.Load(model);
        Assert.Equal(model.Length, bytes.Length);
        ModelStore.Verify(model, bytes);
    }

    [Theory]
    [MemberData(nameof(ModelFiles))]
    public void Each_model_loads_with_the_recorded_inputs_and_outputs(string fileName)
    {
        FaceModel model = Model(fileName);
        InferenceSession session = OnnxModels.Shared[model];

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(model.Input.Name, input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal(model.Input.Shape, input.Value.Dimensions);

        Assert.Equal(model.Outputs.Select(o => o.Name), session.OutputNames);
        foreach (TensorSpec output in model.Outputs)
        {
            Assert.Equal(typeof(float), session.OutputMetadata[output.Name].ElementType);
            Assert.Equal(output.Shape, session.OutputMetadata[output.Name].Dimensions);
        }
    }

    [Fact]
    public void The_models_have_the_shapes_the_issue_states()
    {
        Assert.Equal([1, 3, 240, 320], OnnxModels.Shared.Detector.InputMetadata["input"].Dimensions);
        Assert.Contains("boxes", OnnxModels.Shared.Detector.OutputNames);
        Assert.Equal(4, OnnxModels.Shared.Detector.OutputMetadata["boxes"].Dimensions[^1]);
        Assert.Equal([1, 1, 64, 64], OnnxModels.Shared.Landmarks.InputMetadata["input"].Dimensions);
        Assert.Equal(68 * 2, OnnxModels.Shared.Landmarks.OutputMetadata["output"].Dimensions[^1]);
        Assert.Equal([1, 3, 112, 112], OnnxModels.Shared.Embedding.InputMetadata["input"].Dimensions);
        Assert.Equal(512, OnnxModels.Shared.Embedding.OutputMetadata["output"].Dimensions[^1]);
        Assert.Equal([1, 3, 128, 128], OnnxModels.Shared.Liveness.InputMetadata["input"].Dimensions);
        Assert.Equal(3, OnnxModels.Shared.Liveness.OutputMetadata["output"].Dimensions[^1]);
    }

    [Fact]
    public void Sessions_are_created_once_and_reused()
    {
        Assert.Same(OnnxModels.Shared.Embedding, OnnxModels.Shared.Embedding);
        Assert.Same(OnnxModels.Shared.Detector, OnnxModels.Shared[FaceModel.Detector]);
        OnnxModels.Shared.Dispose();   // the shared instance stays open
        Assert.NotNull(OnnxModels.Shared.Landmarks);

        var own = new OnnxModels(new FaceModelOptions { IntraOpThreads = 2 });
        InferenceSession session = own.Liveness;
        Assert.Same(session, own.Liveness);
        Assert.NotSame(OnnxModels.Shared.Liveness, session);
        own.Dispose();
        Assert.Throws<ObjectDisposedException>(() => own.Liveness);
    }

    [Fact]
    public void A_tampered_model_fails_the_hash_check_with_a_clear_message()
    {
        FaceModel model = FaceModel.Embedding;
        byte[] bytes = ModelStore.Load(model);
        bytes[bytes.Length / 2] ^= 0x01;

        var error = Assert.Throws<InvalidDataException>(() => ModelStore.Verify(model, bytes));
        Assert.Contains("fr_feature.onnx failed its integrity check", error.Message, StringComparison.Ordinal);
        Assert.Contains(model.Sha256, error.Message, StringComparison.Ordinal);
        Assert.Contains("MODELS.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("not loaded", error.Message, StringComparison.Ordinal);

        var truncated = Assert.Throws<InvalidDataException>(() => ModelStore.Verify(FaceModel.Detector, bytes.AsSpan(0, 100)));
        Assert.Contains("fr_detect.onnx", truncated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_md_the_build_and_the_code_record_the_same_hashes_and_sizes()
    {
        string vision = Path.Combine(VisionPaths.RepositoryRoot, "src", "Runtime", "FaceCompliance.Vision");
        string modelsMd = File.ReadAllText(Path.Combine(vision, "Models", "MODELS.md"));
        string targets = File.ReadAllText(Path.Combine(vision, "Models", "FaceModels.targets"));
        foreach (FaceModel model in FaceModel.All)
        {
            string name = Regex.Escape(model.FileName);
            Match row = Regex.Match(modelsMd, $@"^\|\s*`?model/{name}`?\s*\|\s*([\d,]+)\s*\|[^\n]*`([0-9a-f]{{64}})`", RegexOptions.Multiline);
            Assert.True(row.Success, $"MODELS.md has no row for {model.FileName}");
            Assert.Equal(model.Length, long.Parse(row.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(model.Sha256, row.Groups[2].Value);

            Match item = Regex.Match(targets, $@"model/{name}"" Sha256=""([0-9a-f]{{64}})""");
            Assert.True(item.Success, $"FaceModels.targets has no item for {model.FileName}");
            Assert.Equal(model.Sha256, item.Groups[1].Value);
        }
    }

    [Fact]
    public void All_four_models_run_on_a_real_photograph_and_give_finite_outputs()
    {
        Rgb photo = ReadPpm(Path.Combine(VisionPaths.Faces, "ppm", "scenes", "obama_1.ppm"));

        // Detector: the whole image resized to 320x240, (p-127)/128, channels B,G,R.
        var detectorInput = new DenseTensor<float>([1, 3, 240, 320]);
        Fill(detectorInput, photo, 0, 0, photo.Width, photo.Height, 320, 240, (r, g, b) => [(b - 127f) / 128f, (g - 127f) / 128f, (r - 127f) / 128f]);
        float[] scores, boxes;
        using (var outputs = OnnxModels.Shared.Detector.Run([NamedOnnxValue.CreateFromTensor("input", detectorInput)]))
        {
            scores = outputs.Single(o => o.Name == "scores").AsEnumerable<float>().ToArray();
            boxes = outputs.Single(o => o.Name == "boxes").AsEnumerable<float>().ToArray();
        }
        Assert.Equal(4420 * 2, scores.Length);
        Assert.Equal(4420 * 4, boxes.Length);
        Assert.All(scores, s => Assert.True(float.IsFinite(s) && s >= 0 && s <= 1));
        Assert.All(boxes, b => Assert.True(float.IsFinite(b)));
        int best = Enumerable.Range(0, 4420).MaxBy(i => scores[(i * 2) + 1]);
        Assert.True(scores[(best * 2) + 1] >= 0.65f, $"best face score {scores[(best * 2) + 1]}");

        // The best box, relative corners, squared around its centre.
        float x1 = boxes[best * 4] * photo.Width, y1 = boxes[(best * 4) + 1] * photo.Height;
        float x2 = boxes[(best * 4) + 2] * photo.Width, y2 = boxes[(best * 4) + 3] * photo.Height;
        Assert.True(x2 > x1 && y2 > y1, $"box {x1},{y1},{x2},{y2}");
        float side = Math.Max(x2 - x1, y2 - y1), cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
        int left = (int)(cx - (side / 2)), top = (int)(cy - (side / 2)), size = (int)side;

        // Landmarks: the square crop in gray, 64x64, p/256; 68 points relative to the crop.
        var landmarkInput = new DenseTensor<float>([1, 1, 64, 64]);
        Fill(landmarkInput, photo, left, top, size, size, 64, 64, (r, g, b) => [((0.299f * r) + (0.587f * g) + (0.114f * b)) / 256f]);
        float[] landmarks = RunSingle(OnnxModels.Shared.Landmarks, landmarkInput);
        Assert.Equal(136, landmarks.Length);
        Assert.All(landmarks, v => Assert.True(float.IsFinite(v) && v > -0.5f && v < 1.5f, $"landmark coordinate {v}"));

        // Embedding: 112x112 RGB, (p-127)/128 (the crop unaligned here: this test checks the model runs, not accuracy).
        var embeddingInput = new DenseTensor<float>([1, 3, 112, 112]);
        Fill(embeddingInput, photo, left, top, size, size, 112, 112, (r, g, b) => [(r - 127f) / 128f, (g - 127f) / 128f, (b - 127f) / 128f]);
        float[] embedding = RunSingle(OnnxModels.Shared.Embedding, embeddingInput);
        Assert.Equal(512, embedding.Length);
        Assert.All(embedding, v => Assert.True(float.IsFinite(v)));
        Assert.True(Math.Sqrt(embedding.Sum(v => (double)v * v)) > 0.1);

        // Liveness: 128x128, raw 0-255 values; three logits.
        var livenessInput = new DenseTensor<float>([1, 3, 128, 128]);
        Fill(livenessInput, photo, left, top, size, size, 128, 128, (r, g, b) => [r, g, b]);
        float[] liveness = RunSingle(OnnxModels.Shared.Liveness, livenessInput);
        Assert.Equal(3, liveness.Length);
        Assert.All(liveness, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Concurrent_runs_on_one_session_give_the_same_embedding()
    {
        var input = new DenseTensor<float>([1, 3, 112, 112]);
        var random = new Random(5);
        for (int i = 0; i < input.Length; i++)
        {
            input.SetValue(i, (float)((random.NextDouble() * 2) - 1));
        }
        float[] expected = RunSingle(OnnxModels.Shared.Embedding, input);
        float[][] results = new float[8][];
        Parallel.For(0, results.Length, i => results[i] = RunSingle(OnnxModels.Shared.Embedding, input));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static float[] RunSingle(InferenceSession session, DenseTensor<float> input)
    {
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(session.InputNames[0], input)]);
        return outputs.Single().AsEnumerable<float>().ToArray();
    }

    /// <summary>Nearest-neighbour resize of a region (outside the image: black) into an NCHW tensor.</summary>
    private static void Fill(DenseTensor<float> tensor, Rgb image, int left, int top, int width, int height, int outWidth, int outHeight, Func<byte, byte, byte, float[]> pixel)
    {
        for (int y = 0; y < outHeight; y++)
        {
            int sy = top + (int)((y + 0.5) * height / outHeight);
            for (int x = 0; x < outWidth; x++)
            {
                int sx = left + (int)((x + 0.5) * width / outWidth);
                bool inside = sx >= 0 && sy >= 0 && sx < image.Width && sy < image.Height;
                int offset = inside ? ((sy * image.Width) + sx) * 3 : 0;
                float[] channels = inside ? pixel(image.Pixels[offset], image.Pixels[offset + 1], image.Pixels[offset + 2]) : pixel(0, 0, 0);
                for (int c = 0; c < channels.Length; c++)
                {
                    tensor[0, c, y, x] = channels[c];
                }
            }
        }
    }

    private sealed record Rgb(int Width, int Height, byte[] Pixels);

    /// <summary>A minimal binary PPM (P6, maxval 255) reader, private to these tests.</summary>
    private static Rgb ReadPpm(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position]) || file[position] == '#')
            {
                if (file[position] == '#')
                {
                    while (file[position] != '\n')
                    {
                        position++;
                    }
                }
                position++;
            }
            int start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }
            return Encoding.ASCII.GetString(file, start, position - start);
        }
        Assert.Equal("P6", Token());
        int width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++;   // the single whitespace byte before the pixels
        Assert.Equal(width * height * 3, file.Length - position);
        return new Rgb(width, height, file.AsSpan(position).ToArray());
    }
}
