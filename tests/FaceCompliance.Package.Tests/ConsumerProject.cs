using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// A fresh application outside the repository that uses the packages the way a team would after reading README's
/// Install section: three PackageReference lines with a version, nothing else. Its door checks consent before the
/// face call (<see cref="WriteSource"/> with <c>compliant: true</c>) or does not (FC0002).
/// </summary>
internal sealed class ConsumerProject
{
    /// <summary>The marker that ends the consent line in the compliant source.</summary>
    public const string ConsentLineMarker = "// consent check";

    /// <summary>The marker that ends the face call line.</summary>
    public const string FaceCallMarker = "// face call";

    /// <summary>The description the purpose declares, which the generated notice and report must contain.</summary>
    public const string DescriptionEn = "Verify residents at the building door";

    /// <summary>Creates the project files in a new folder (the source is written by <see cref="WriteSource"/>).</summary>
    /// <param name="directory">The project folder.</param>
    /// <param name="version">The version of the FaceCompliance packages to reference.</param>
    public ConsumerProject(string directory, string version)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);

        // Stops MSBuild's upward search for these files: nothing above the temporary folder may apply.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");

        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FaceCompliance" Version="{version}" />
                <PackageReference Include="FaceCompliance.Sqlite" Version="{version}" />
                <PackageReference Include="FaceCompliance.Vision" Version="{version}" />
              </ItemGroup>
            </Project>

            """);

        File.WriteAllText(Path.Combine(directory, "Declarations.cs"), """
            using FaceCompliance;

            [assembly: FacialDataProcessor("Example Estate Management Ltd", "privacy@estate.example")]
            [assembly: OperatesIn(Jurisdiction.CN)]

            namespace Consumer;

            [FacialDataPurpose(FacialProcessingMethod.Verification,
                DescriptionZh = "核验住户身份以开启单元门", DescriptionEn = "Verify residents at the building door",
                NecessityZh = "单元门须确认进入者为住户", NecessityEn = "The door must confirm who enters",
                ImpactZh = "人脸特征仅存于设备内", ImpactEn = "Templates stay on the device",
                RetentionDays = 180,
                AlternativeZh = "可刷门禁卡通行", AlternativeEn = "Tap your access card instead")]
            public sealed partial class DoorEntry
            {
            }

            """);

        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Consumer;
            using FaceCompliance;
            using FaceCompliance.Sqlite;
            using Microsoft.ML.OnnxRuntime;

            var consent = new ConsentBook();
            var door = new Door(new FaceEngine(), consent);
            consent.Record<DoorEntry>("resident-1");
            Console.WriteLine($"face entry: {door.EnterByFace("resident-1", [1, 2, 3], [1, 2, 3])}");
            Console.WriteLine($"card entry: {door.EnterWithCard("12345678")}");
            Console.WriteLine($"notice version: {DoorEntry.NoticeVersion}");
            Console.WriteLine($"notice en: {DoorEntry.Notice.English.Text.ReplaceLineEndings(" ")}");
            Console.WriteLine($"vision: {typeof(FaceCompliance.Vision.FaceRecognizer).Assembly.GetName().Name}");
            Console.WriteLine($"onnxruntime: {OrtEnv.Instance().GetVersionString()}");
            using (var decoded = FaceCompliance.Vision.FaceImageDecoder.Decode(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")))
            {
                Console.WriteLine($"decoded png: {decoded.Width}x{decoded.Height}");
            }
            using (var store = SqliteFacialDataStore.Open(args[0], new FacialDataStoreOptions(new FacialDataKeys(FacialDataKeys.NewMasterKey()))))
            {
                Console.WriteLine($"sqlite audit valid: {store.Audit.Verify().IsValid}");
            }

            """);
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>The project file.</summary>
    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    /// <summary>The file with the door, the one the violation is in.</summary>
    public string DoorFile => Path.Combine(Directory, "Door.cs");

    /// <summary>The project's .editorconfig (written only by the tests that need one).</summary>
    public string EditorConfig => Path.Combine(Directory, ".editorconfig");

    /// <summary>The line (from 1) of the face call in the current Door.cs.</summary>
    public int FaceCallLine => LineOf(FaceCallMarker);

    /// <summary>The built application (Debug).</summary>
    public string BuiltAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", "Consumer.dll");

    /// <summary>Writes Door.cs, with the consent check before the face call or without it.</summary>
    /// <param name="compliant">Whether the consent check is there.</param>
    public void WriteSource(bool compliant)
    {
        var lines = new List<string>
        {
            "using FaceCompliance;",
            "",
            "namespace Consumer;",
            "",
            "public sealed class FaceEngine",
            "{",
            "    [ProcessesFacialData(FacialProcessingMethod.Verification)]",
            "    public bool Verify(byte[] frame, byte[] template) => frame.AsSpan().SequenceEqual(template);",
            "}",
            "",
            "public sealed class ConsentBook",
            "{",
            "    private readonly HashSet<(Type, string)> given = new();",
            "",
            "    public void Record<TPurpose>(string person) where TPurpose : IFacialDataPurpose => given.Add((typeof(TPurpose), person));",
            "",
            "    [FacialConsentCheck]",
            "    public bool Has<TPurpose>(string person) where TPurpose : IFacialDataPurpose => given.Contains((typeof(TPurpose), person));",
            "}",
            "",
            "[UsesFacialData<DoorEntry>]",
            "[NonBiometricAlternative(nameof(EnterWithCard))]",
            "public sealed class Door(FaceEngine engine, ConsentBook consent)",
            "{",
            "    public bool EnterWithCard(string card) => card.Length == 8;",
            "",
            "    public bool EnterByFace(string person, byte[] frame, byte[] template)",
            "    {",
        };
        if (compliant)
        {
            lines.Add($"        if (!consent.Has<DoorEntry>(person)) return false; {ConsentLineMarker}");
        }

        lines.Add($"        return engine.Verify(frame, template); {FaceCallMarker}");
        lines.Add("    }");
        lines.Add("}");
        File.WriteAllText(DoorFile, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
    }

    /// <summary>Writes an .editorconfig with the given lines under <c>[*.cs]</c>.</summary>
    /// <param name="settings">The settings.</param>
    public void WriteEditorConfig(params string[] settings) =>
        File.WriteAllText(EditorConfig, "root = true\n\n[*.cs]\n" + string.Join('\n', settings) + "\n");

    /// <summary>Removes the .editorconfig, if any.</summary>
    public void DeleteEditorConfig() => File.Delete(EditorConfig);

    private int LineOf(string marker)
    {
        string[] lines = File.ReadAllLines(DoorFile);
        int index = Array.FindIndex(lines, l => l.EndsWith(marker, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"Door.cs has no line ending with `{marker}`.");
    }
}
