using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaceCompliance;

/// <summary>Refuses to write or read a <see cref="FaceImage"/> as JSON, wherever it appears in an object graph.</summary>
internal sealed class FaceImageJsonConverter : JsonConverter<FaceImage>
{
    internal const string Refusal =
        "Face images are never serialized: extract the template, keep the template and dispose the image " +
        "(GB/T 41819: delete face images after verification or identification; keep templates, not images).";

    public override FaceImage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(Refusal);

    public override void Write(Utf8JsonWriter writer, FaceImage value, JsonSerializerOptions options) =>
        throw new NotSupportedException(Refusal);
}
