using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace FaceCompliance.Benchmarks.AnalyzerCost;

/// <summary>What was generated, for the report and for checking the builds.</summary>
internal sealed record GeneratedProject(
    string Directory,
    string ProjectPath,
    int Files,
    int SharedFiles,
    int FacialFiles,
    int UseSites,
    int Lines,
    int Seed);

/// <summary>
/// Writes a compliant C# project of <c>files</c> ordinary source files, 8% of which (2 in 25) process facial data
/// through a fake vendor SDK (<c>Acme.Face.FaceClient</c>) that is declared in the project but not attributed:
/// the analyzers learn about it only through <c>FacialDataApis.txt</c> (ours) or <c>BannedSymbols.txt</c>
/// (BannedApiAnalyzers), which list the same ids. File <c>i</c> depends only on the seed and <c>i</c>, so the
/// first 50 files of a 1,000-file project are the 50-file project.
/// </summary>
internal static class ProjectGenerator
{
    public const string ProjectFileName = "Acme.Portal.csproj";
    private const int FacialPerBlock = 2; // facial-data files in each block of 25: 8%
    private const int BlockSize = 25;

    // The vendor API, as documentation-comment ids, with the processing method FacialDataApis.txt declares.
    private static readonly (string Id, string Method)[] VendorApis =
    [
        ("M:Acme.Face.FaceClient.Detect(System.Byte[])", "Detection"),
        ("M:Acme.Face.FaceClient.CheckLiveness(System.Byte[])", "Liveness"),
        ("M:Acme.Face.FaceClient.Verify(System.Guid,System.Guid)", "Verification"),
        ("M:Acme.Face.FaceClient.Identify(System.Guid,System.String)", "Identification"),
    ];

    private static readonly string[] Areas =
        ["Billing", "Inventory", "Scheduling", "Residents", "Parking", "Maintenance", "Notifications", "Reporting", "Visitors", "Payments"];

    private static readonly string[] Nouns =
        ["Invoice", "Permit", "Ticket", "Booking", "Meter", "Parcel", "Lease", "Notice", "Repair", "Visit",
         "Payment", "Account", "Vehicle", "Resident", "Contract", "Shift", "Device", "Message", "Inspection", "Quote"];

    private static readonly string[] Roles =
        ["Service", "Manager", "Processor", "Planner", "Tracker", "Registry", "Calculator", "Importer"];

    private static readonly string[] FacialRoles = ["GateController", "KioskVerifier", "VisitorDesk", "LobbyTerminal"];

    private sealed record FileSpec(int Index, string Area, string Noun, string Role, bool Facial)
    {
        public string Namespace => "Acme.Portal." + (Facial ? "Access" : Area);
        public string Record => Noun + Index.ToString("0000", CultureInfo.InvariantCulture);
        public string Class => (Facial ? Role : Noun + Role) + Index.ToString("0000", CultureInfo.InvariantCulture);
        public string FullRecord => Namespace + "." + Record;
    }

    /// <summary>The analyzer assembly <c>ours</c> loads: the Release build, which <see cref="Program"/> makes before measuring.</summary>
    public static string AnalyzerAssembly(string repoRoot)
        => Path.Combine(repoRoot, "src", "Analyzers", "FaceCompliance.Analyzers", "bin", "Release", "netstandard2.0", "FaceCompliance.Analyzers.dll");

    public static GeneratedProject Generate(string directory, string repoRoot, int files, int seed)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        var specs = Enumerable.Range(0, files).Select(i => Spec(seed, i)).ToList();
        var lines = 0;
        var useSites = 0;

        void Write(string relativePath, string text)
        {
            var path = Path.Combine(directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            lines += text.Count(c => c == '\n');
        }

        Write(ProjectFileName, ProjectFile(repoRoot, files, seed));
        Write(".editorconfig", EditorConfig);
        Write("FacialDataApis.txt", ApiList(withMethod: true));
        Write("BannedSymbols.txt", ApiList(withMethod: false));
        Write("src/Acme.Face/FaceClient.cs", VendorSdk);
        Write("src/Compliance/AccessPurpose.cs", Purpose);
        Write("src/Compliance/ConsentRegistry.cs", Consent);
        const int sharedFiles = 3;

        foreach (var spec in specs)
        {
            var rng = new Random(FileSeed(seed + 1, spec.Index));
            var crossReference = spec.Index > 0 ? specs[rng.Next(spec.Index)] : null;
            var (text, uses) = SourceFile(spec, crossReference, rng);
            useSites += uses;
            Write($"src/{(spec.Facial ? "Access" : spec.Area)}/{spec.Class}.cs", text);
        }

        return new GeneratedProject(directory, Path.Combine(directory, ProjectFileName), files, sharedFiles,
            specs.Count(s => s.Facial), useSites, lines, seed);
    }

    // System.Random gives correlated sequences for nearby seeds, so spread (seed, index) with SplitMix64 first.
    private static int FileSeed(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static FileSpec Spec(int seed, int index)
    {
        var rng = new Random(FileSeed(seed, index));
        var facial = FacialPositions(seed, index / BlockSize).Contains(index % BlockSize);
        return new FileSpec(index, Pick(rng, Areas), Pick(rng, Nouns), facial ? Pick(rng, FacialRoles) : Pick(rng, Roles), facial);
    }

    // Random positions in each block, so that the share is 8% at any size; file 0 is one, so that tiny projects have one.
    private static IEnumerable<int> FacialPositions(int seed, int block)
    {
        var rng = new Random(FileSeed(seed ^ 0x3C6EF372, block));
        var positions = Enumerable.Range(0, BlockSize).OrderBy(_ => rng.Next()).ToList();
        if (block == 0)
        {
            positions.Remove(0);
            positions.Insert(0, 0);
        }

        return positions.Take(FacialPerBlock);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string ApiList(bool withMethod)
    {
        var sb = new StringBuilder();
        sb.AppendLine(withMethod
            ? "// Acme.Face vendor SDK: the facial-data APIs of the benchmark project (FaceCompliance format)."
            : "// Acme.Face vendor SDK: the same ids as FacialDataApis.txt (Microsoft.CodeAnalysis.BannedApiAnalyzers format).");
        foreach (var (id, method) in VendorApis)
        {
            sb.AppendLine(withMethod ? $"{id};{method}" : id);
        }

        return sb.ToString();
    }

    private static string ProjectFile(string repoRoot, int files, int seed)
    {
        var runtime = Path.Combine(repoRoot, "src", "Runtime", "FaceCompliance", "FaceCompliance.csproj");
        var analyzers = AnalyzerAssembly(repoRoot);
        return $$"""
            <Project>
              <!--
                Benchmark input written by tests/FaceCompliance.Benchmarks/AnalyzerCost ({{files}} files, seed {{seed}}).
                Build with -p:BenchConfig=none|ours|banned. Each configuration has its own obj/ and bin/ folders so that
                one restore per configuration serves every later build: set before Sdk.props, where the paths are fixed.
              -->
              <PropertyGroup>
                <BenchConfig Condition="'$(BenchConfig)' == ''">none</BenchConfig>
                <BaseIntermediateOutputPath>obj/$(BenchConfig)/</BaseIntermediateOutputPath>
                <BaseOutputPath>bin/$(BenchConfig)/</BaseOutputPath>
              </PropertyGroup>

              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />

              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Acme.Portal</RootNamespace>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>

              <ItemGroup>
                <Compile Include="src/**/*.cs" />
                <ProjectReference Include="{{runtime}}" GlobalPropertiesToRemove="BenchConfig" />
              </ItemGroup>

              <!-- ours: the FaceCompliance analyzers (their Release build, referenced as a package would), told about the vendor SDK by FacialDataApis.txt. -->
              <ItemGroup Condition="'$(BenchConfig)' == 'ours'">
                <Analyzer Include="{{analyzers}}" />
                <AdditionalFiles Include="FacialDataApis.txt" />
              </ItemGroup>

              <!-- banned: BannedApiAnalyzers with the same ids; RS0030 is a warning (.editorconfig), so it runs but does not fail. -->
              <ItemGroup Condition="'$(BenchConfig)' == 'banned'">
                <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" PrivateAssets="all" />
                <AdditionalFiles Include="BannedSymbols.txt" />
              </ItemGroup>

              <Target Name="CheckBenchConfig" BeforeTargets="CollectPackageReferences;ResolveProjectReferences;CoreCompile">
                <Error Condition="'$(BenchConfig)' != 'none' and '$(BenchConfig)' != 'ours' and '$(BenchConfig)' != 'banned'"
                       Text="BenchConfig must be none, ours or banned, not '$(BenchConfig)'." />
              </Target>

              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
            </Project>

            """;
    }

    private const string EditorConfig = """
        [*.cs]
        # BannedApiAnalyzers (config 'banned') reports every vendor call; keep it a warning so the build succeeds.
        dotnet_diagnostic.RS0030.severity = warning

        """;

    private const string VendorSdk = """
        using System;
        using System.Collections.Generic;

        namespace Acme.Face;

        // A fake third-party face SDK. It carries no FaceCompliance attribute: the analyzers know its facial-data
        // members only from FacialDataApis.txt, as they would for a real vendor package.

        public sealed record DetectedFace(Guid FaceId, int Left, int Top, int Width, int Height);

        public sealed record VerifyResult(bool IsIdentical, double Confidence);

        public sealed record IdentifyCandidate(Guid PersonId, double Confidence);

        public sealed record LivenessResult(bool IsLive, double Score);

        public sealed class FaceClient
        {
            public FaceClient(Uri endpoint, string apiKey)
            {
                Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
                ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey));
            }

            public Uri Endpoint { get; }

            public string ApiKey { get; }

            public IReadOnlyList<DetectedFace> Detect(byte[] image)
            {
                ArgumentNullException.ThrowIfNull(image);
                if (image.Length < 16)
                {
                    return Array.Empty<DetectedFace>();
                }

                var id = new Guid(image.AsSpan(0, 16));
                return new[] { new DetectedFace(id, image[0], image[1], 64 + image[2], 64 + image[3]) };
            }

            public LivenessResult CheckLiveness(byte[] image)
            {
                ArgumentNullException.ThrowIfNull(image);
                var score = image.Length == 0 ? 0d : image[^1] / 255d;
                return new LivenessResult(score > 0.5, score);
            }

            public VerifyResult Verify(Guid faceId, Guid personId)
            {
                var same = faceId == personId;
                return new VerifyResult(same, same ? 0.97 : 0.12);
            }

            public IReadOnlyList<IdentifyCandidate> Identify(Guid faceId, string personGroupId)
            {
                ArgumentException.ThrowIfNullOrEmpty(personGroupId);
                return faceId == Guid.Empty
                    ? Array.Empty<IdentifyCandidate>()
                    : new[] { new IdentifyCandidate(faceId, 0.91), new IdentifyCandidate(Guid.Empty, 0.2) };
            }
        }

        """;

    private const string Purpose = """
        using FaceCompliance;

        [assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@acme-portal.example",
            NameEn = "Acme Property Services Ltd.", ComplaintChannel = "+86 10 5555 0100")]
        [assembly: OperatesIn(Jurisdiction.CN)]

        namespace Acme.Portal.Compliance;

        [FacialDataPurpose(FacialProcessingMethod.Identification,
            DescriptionZh = "识别住户与已登记访客以开启小区门禁和大堂闸机",
            DescriptionEn = "Recognise residents and registered visitors to open the community gates and lobby turnstiles",
            NecessityZh = "门禁需要在无人值守时确认进入者为住户或已登记访客；不同意刷脸者可使用门禁卡或由值班人员核验",
            NecessityEn = "Unattended gates must confirm that a person is a resident or a registered visitor; people who refuse can use a card or ask the staff",
            ImpactZh = "人脸特征仅保存在门禁设备内，不用于其他目的，住户搬离或撤回同意后删除",
            ImpactEn = "Face templates stay on the gate devices, are used for nothing else, and are deleted when residents move out or withdraw consent",
            RetentionDays = 365,
            Storage = FacialDataStorage.OnDevice,
            DataCategories = FacialDataCategories.FaceImage | FacialDataCategories.FaceTemplate | FacialDataCategories.LinkedIdentity,
            AlternativeZh = "住户可刷门禁卡通行，访客可由值班人员核验登记后通行",
            AlternativeEn = "Residents can tap their access card; visitors can ask the staff on duty to check them in")]
        public sealed partial class AccessPurpose
        {
        }

        """;

    private const string Consent = """
        using System;
        using System.Collections.Generic;
        using FaceCompliance;

        namespace Acme.Portal.Compliance;

        public sealed class ConsentRegistry
        {
            private readonly HashSet<string> _granted = new(StringComparer.Ordinal);

            public int Count => _granted.Count;

            public void Grant(string personId) => _granted.Add(personId);

            public void Withdraw(string personId) => _granted.Remove(personId);

            [FacialConsentCheck(typeof(AccessPurpose))]
            public bool HasConsent(string personId) => _granted.Contains(personId);

            [FacialConsentCheck(typeof(AccessPurpose))]
            public void EnsureConsent(string personId)
            {
                if (!_granted.Contains(personId))
                {
                    throw new InvalidOperationException("No separate consent to facial recognition for " + personId + ".");
                }
            }
        }

        """;

    private static (string Text, int UseSites) SourceFile(FileSpec spec, FileSpec? crossReference, Random rng)
    {
        var r = spec.Record;
        var members = new List<string>();
        var uses = 0;

        if (spec.Facial)
        {
            members.Add($$"""
                    private readonly FaceClient _client;
                    private readonly ConsentRegistry _consent;
                    private readonly Dictionary<string, string> _cards = new(StringComparer.Ordinal);
                    private readonly List<{{r}}> _items = new();
                    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

                    public {{spec.Class}}(FaceClient client, ConsentRegistry consent)
                    {
                        _client = client ?? throw new ArgumentNullException(nameof(client));
                        _consent = consent ?? throw new ArgumentNullException(nameof(consent));
                    }

                    public int Count => _items.Count + _counters.Count;

                    public void RegisterCard(string cardNumber, string personId) => _cards[cardNumber.Trim()] = personId;

                    public bool OpenWithCard(string cardNumber)
                    {
                        ArgumentNullException.ThrowIfNull(cardNumber);
                        return _cards.TryGetValue(cardNumber.Trim(), out var personId) && personId.Length > 0;
                    }
                """);
            var variants = Enumerable.Range(0, FacialVariants.Length).OrderBy(_ => rng.Next()).Take(rng.Next(2, 5));
            foreach (var v in variants.Order())
            {
                var (method, count) = FacialVariants[v](rng);
                members.Add(method);
                uses += count;
            }
        }
        else
        {
            members.Add($$"""
                    private readonly List<{{r}}> _items = new();
                    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

                    public int Count => _items.Count + _counters.Count;

                    public void Add({{r}} item)
                    {
                        ArgumentNullException.ThrowIfNull(item);
                        _items.Add(item);
                    }
                """);
        }

        var templates = Enumerable.Range(0, OrdinaryMethods.Length).OrderBy(_ => rng.Next())
            .Take(spec.Facial ? rng.Next(3, 6) : rng.Next(5, 10)).Order().ToList();
        var k = 1;
        foreach (var t in templates)
        {
            members.Add(OrdinaryMethods[t](new MethodContext(spec, crossReference, rng, k++)));
        }

        var header = spec.Facial
            ? """
              using System;
              using System.Collections.Generic;
              using System.Globalization;
              using System.Linq;
              using System.Text;
              using System.Threading.Tasks;
              using Acme.Face;
              using Acme.Portal.Compliance;
              using FaceCompliance;
              """
            : """
              using System;
              using System.Collections.Generic;
              using System.Globalization;
              using System.Linq;
              using System.Text;
              using System.Threading.Tasks;
              """;
        var attributes = spec.Facial
            ? """
              [UsesFacialData<AccessPurpose>]
              [NonBiometricAlternative(nameof(OpenWithCard))]

              """
            : string.Empty;

        var text = $$"""
            {{header}}

            namespace {{spec.Namespace}};

            public sealed record {{r}}(int Id, string Name, decimal Amount, DateTime CreatedAt, string? Note);

            public enum {{r}}Status
            {
                Draft,
                Open,
                Closed,
                Archived,
            }

            {{attributes}}public sealed class {{spec.Class}}
            {
            {{string.Join("\n\n", members.Select(m => m.TrimEnd()))}}
            }

            """;
        return (text, uses);
    }

    private sealed record MethodContext(FileSpec Spec, FileSpec? CrossReference, Random Rng, int K)
    {
        public string R => Spec.Record;

        public string N(int min, int max) => Rng.Next(min, max).ToString(CultureInfo.InvariantCulture);
    }

    // Facial-data methods: each checks consent in one of the shapes docs/semantics.md accepts, then calls the
    // vendor SDK. The second value is the number of vendor calls (use sites) in the text.
    private static readonly Func<Random, (string, int)>[] FacialVariants =
    [
        rng => ($$"""
                public bool OpenWithFace(byte[] frame, string personId)
                {
                    if (!_consent.HasConsent(personId))
                    {
                        return false;
                    }

                    if (!Guid.TryParse(personId, out var person))
                    {
                        return false;
                    }

                    var faces = _client.Detect(frame);
                    if (faces.Count != 1)
                    {
                        return false;
                    }

                    var result = _client.Verify(faces[0].FaceId, person);
                    return result.IsIdentical && result.Confidence > 0.{{rng.Next(70, 95)}};
                }
            """, 2),
        rng => ($$"""
                public IReadOnlyList<Guid> IdentifyVisitors(IEnumerable<byte[]> frames, string operatorId)
                {
                    ArgumentNullException.ThrowIfNull(frames);
                    _consent.EnsureConsent(operatorId);
                    var found = new List<Guid>();
                    foreach (var frame in frames)
                    {
                        var faces = _client.Detect(frame);
                        found.AddRange(faces
                            .SelectMany(f => _client.Identify(f.FaceId, "residents-{{rng.Next(1, 9)}}"))
                            .Where(c => c.Confidence > 0.{{rng.Next(60, 90)}})
                            .Select(c => c.PersonId));
                    }

                    return found.Distinct().ToList();
                }
            """, 2),
        rng => ($$"""
                public bool IsLive(byte[] frame, string personId)
                {
                    ArgumentNullException.ThrowIfNull(frame);
                    if (_consent.HasConsent(personId) && frame.Length > {{rng.Next(16, 64)}})
                    {
                        return _client.CheckLiveness(frame).IsLive;
                    }

                    return false;
                }
            """, 1),
        rng => ($$"""
                public async Task<bool> CheckInAsync(Func<Task<byte[]>> capture, string personId)
                {
                    ArgumentNullException.ThrowIfNull(capture);
                    if (!_consent.HasConsent(personId))
                    {
                        return OpenWithCard(personId);
                    }

                    var frame = await capture().ConfigureAwait(false);
                    var faces = _client.Detect(frame);
                    return faces.Count > 0 && faces.Count < {{rng.Next(2, 5)}} && _client.CheckLiveness(frame).IsLive;
                }
            """, 2),
    ];

    // Ordinary methods: loops, LINQ, string work, records, pattern matching, async, exceptions.
    private static readonly Func<MethodContext, string>[] OrdinaryMethods =
    [
        c => $$"""
                public decimal TotalAbove{{c.K}}(decimal threshold)
                {
                    decimal total = 0m;
                    for (var i = 0; i < _items.Count; i++)
                    {
                        var item = _items[i];
                        if (item.Amount > threshold && item.Id % {{c.N(2, 9)}} != 0)
                        {
                            total += item.Amount * {{c.N(1, 20)}}.{{c.N(0, 99)}}m;
                        }
                        else if (item.Note is { Length: > {{c.N(3, 40)}} })
                        {
                            total -= {{c.N(1, 500)}}m;
                        }
                    }

                    return Math.Round(total, 2);
                }
            """,
        c => $$"""
                public IReadOnlyList<string> TopNames{{c.K}}(int take)
                {
                    return _items
                        .Where(x => x.CreatedAt.Year >= {{c.N(2015, 2025)}})
                        .GroupBy(x => x.Name.ToUpperInvariant())
                        .Select(g => new { Name = g.Key, Sum = g.Sum(x => x.Amount), Count = g.Count() })
                        .OrderByDescending(x => x.Sum)
                        .ThenBy(x => x.Name, StringComparer.Ordinal)
                        .Take(take)
                        .Select(x => $"{x.Name}:{x.Count.ToString(CultureInfo.InvariantCulture)}")
                        .ToList();
                }
            """,
        c => $$"""
                public string ToCsv{{c.K}}(char separator = ',')
                {
                    var sb = new StringBuilder();
                    sb.Append("id").Append(separator).Append("name").Append(separator).AppendLine("amount");
                    foreach (var item in _items.OrderBy(x => x.Id).Take({{c.N(50, 5000)}}))
                    {
                        var name = item.Name.Replace("\"", "\"\"", StringComparison.Ordinal).Trim();
                        sb.Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append(separator)
                            .Append('"').Append(name).Append('"').Append(separator)
                            .AppendLine(item.Amount.ToString("F2", CultureInfo.InvariantCulture));
                    }

                    return sb.ToString();
                }
            """,
        c => $$"""
                public int ParseAndCount{{c.K}}(string text)
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return 0;
                    }

                    var count = 0;
                    foreach (var part in text.Split('{{(c.Rng.Next(2) == 0 ? ";" : "|")}}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > {{c.N(0, 1000)}})
                        {
                            count++;
                            _counters[part] = _counters.TryGetValue(part, out var existing) ? existing + 1 : 1;
                        }
                    }

                    return count;
                }
            """,
        c => $$"""
                public static string Describe{{c.K}}({{c.R}}Status status, int days) => status switch
                {
                    {{c.R}}Status.Draft when days > {{c.N(7, 60)}} => "stale draft",
                    {{c.R}}Status.Draft => "draft",
                    {{c.R}}Status.Open => days < {{c.N(10, 90)}} ? "open" : "overdue",
                    {{c.R}}Status.Closed => "closed",
                    _ => "archived",
                };
            """,
        c => $$"""
                public async Task<int> RefreshPages{{c.K}}Async(Func<int, Task<string>> load)
                {
                    ArgumentNullException.ThrowIfNull(load);
                    var loaded = 0;
                    for (var page = 0; page < {{c.N(2, 12)}}; page++)
                    {
                        var text = await load(page).ConfigureAwait(false);
                        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (line.StartsWith('#'))
                            {
                                continue;
                            }

                            loaded += line.Length > {{c.N(10, 80)}} ? 2 : 1;
                        }
                    }

                    return loaded;
                }
            """,
        c => $$"""
                public bool TryImport{{c.K}}(string line, out {{c.R}}? item)
                {
                    item = null;
                    var parts = (line ?? string.Empty).Split(',');
                    if (parts.Length < 3)
                    {
                        return false;
                    }

                    try
                    {
                        var id = int.Parse(parts[0], CultureInfo.InvariantCulture);
                        var amount = decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture);
                        item = new {{c.R}}(id, parts[1].Trim(), amount, new DateTime({{c.N(2019, 2026)}}, {{c.N(1, 13)}}, {{c.N(1, 29)}}, 0, 0, 0, DateTimeKind.Utc), parts.Length > 3 ? parts[3] : null);
                        _items.Add(item);
                        return true;
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                    catch (OverflowException)
                    {
                        return false;
                    }
                }
            """,
        c => $$"""
                public IEnumerable<{{c.R}}> Adjusted{{c.K}}(decimal rate)
                {
                    foreach (var item in _items)
                    {
                        yield return item switch
                        {
                            { Amount: < 0m } => item with { Amount = 0m, Note = "clamped" },
                            { Note: null, Amount: > {{c.N(100, 10000)}}m } => item with { Amount = item.Amount * rate },
                            { Name.Length: 0 } => item with { Name = "unnamed-{{c.K}}" },
                            _ => item,
                        };
                    }
                }
            """,
        c => $$"""
                public static T? Best{{c.K}}<T>(IReadOnlyList<T> values, Func<T, int> score)
                    where T : class
                {
                    ArgumentNullException.ThrowIfNull(values);
                    ArgumentNullException.ThrowIfNull(score);
                    T? best = null;
                    var bestScore = int.MinValue;
                    foreach (var value in values)
                    {
                        var s = score(value);
                        if (s > bestScore)
                        {
                            bestScore = s;
                            best = value;
                        }
                    }

                    return best;
                }
            """,
        c => $$"""
                public double MedianAmount{{c.K}}()
                {
                    var amounts = _items.Select(x => (double)x.Amount).Where(x => x >= {{c.N(0, 10)}}d).OrderBy(x => x).ToArray();
                    if (amounts.Length == 0)
                    {
                        return 0d;
                    }

                    var mid = amounts.Length / 2;
                    return amounts.Length % 2 == 0 ? (amounts[mid - 1] + amounts[mid]) / 2d : amounts[mid];
                }
            """,
        c => $$"""
                public IReadOnlyDictionary<string, decimal> MonthlyTotals{{c.K}}()
                {
                    var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
                    foreach (var item in _items.Where(x => x.Amount != 0m))
                    {
                        var key = item.CreatedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                        totals.TryGetValue(key, out var sum);
                        totals[key] = sum + Math.Round(item.Amount, {{c.N(0, 4)}});
                    }

                    return totals;
                }
            """,
        c => $$"""
                public static Dictionary<string, int> WordFrequency{{c.K}}(string text)
                {
                    var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    foreach (var word in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var key = word.Trim('.', ',', '!', '?', ';').ToLowerInvariant();
                        if (key.Length < {{c.N(2, 6)}})
                        {
                            continue;
                        }

                        result[key] = result.TryGetValue(key, out var n) ? n + 1 : 1;
                    }

                    return result;
                }
            """,
        c => c.CrossReference is null
            ? $$"""
                public string Summary{{c.K}}() => $"{_items.Count} items, {_items.Sum(x => x.Amount):F2} in total";
            """
            : $$"""
                public int Link{{c.K}}({{c.CrossReference.FullRecord}} other)
                {
                    ArgumentNullException.ThrowIfNull(other);
                    var key = (other.Id % {{c.N(3, 97)}}) + other.Name.Length;
                    return _items.Count(x => x.Id == key || string.Equals(x.Name, other.Name, StringComparison.OrdinalIgnoreCase));
                }
            """,
    ];
}
