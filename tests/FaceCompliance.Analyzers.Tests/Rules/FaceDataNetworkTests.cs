using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0013 at network sinks: face data (docs/semantics.md, "Face-data flow") passed to HttpClient, HttpContent, sockets,
/// WebSockets, e-mail or gRPC needs a purpose that declares the transfer; each boundary of the flow engine, where it follows
/// face data and where it stops.
/// </summary>
public sealed class FaceDataNetworkTests
{
    private const string CloudPurpose = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "远程核验住户", DescriptionEn = "Verify residents remotely", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "人脸特征传至云端比对", ImpactEn = "Face templates are compared in the cloud", RetentionDays = 30,
            AlternativeZh = "刷卡", AlternativeEn = "Tap a card", Storage = FacialDataStorage.Server,
            TransferRecipientZh = "云端比对服务", TransferRecipientEn = "The cloud matching service")]
        public sealed partial class CloudEntry { }
        """;

    private const string Fix = ": declare Storage = FacialDataStorage.Server, TransferRecipientZh and TransferRecipientEn on the purpose, which the notice names and its separate consent covers, or use an on-device SDK (Measures, Article 8)";

    private static string Uploader(string members, string purpose = "[UsesFacialData<CommunityEntry>]") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using FaceCompliance;

        {{purpose}}
        public class Uploader(HttpClient http)
        {
        {{members}}
        }
        """;

    private static AnalyzerTest Test(string source) => new AnalyzerTest(source).WithSource("CloudPurpose.cs", CloudPurpose);

    [Fact]
    public async Task A_template_serialized_and_posted_under_an_on_device_purpose_is_FC0013_once_at_the_first_sink()
    {
        var diagnostics = await Test(Uploader("""
                public async Task Send(FaceTemplate template)
                {
                    var json = JsonSerializer.Serialize(template.Values.ToArray());
                    await {|FC0013:http.PostAsync("https://match.example", new StringContent(json))|};
                }
            """)).RunAsync();

        Assert.Equal(
            "'HttpClient.PostAsync' sends face data ('template') off the device, but the purpose 'CommunityEntry' declares on-device storage" + Fix,
            diagnostics.Single(d => d.Id == "FC0013").GetMessage());
    }

    [Fact]
    public Task The_same_post_under_a_purpose_that_declares_the_transfer_is_not_reported() => Test(Uploader("""
            public async Task Send(FaceTemplate template)
            {
                var json = JsonSerializer.Serialize(template.Values.ToArray());
                await http.PostAsync("https://match.example", new StringContent(json));
            }
        """, "[UsesFacialData<CloudEntry>]")).RunAsync();

    [Fact]
    public async Task Face_data_posted_where_no_purpose_is_declared_is_FC0013_nothing_declares_the_transfer()
    {
        var diagnostics = await Test(Uploader("""
                public Task Send(FaceImage image) => {|FC0013:http.PutAsync("https://x.example", new ByteArrayContent(image.Pixels.ToArray()))|};
            """, string.Empty)).RunAsync();

        Assert.Equal(
            "'HttpClient.PutAsync' sends face data ('image') off the device, but nothing declares the transfer: no purpose is declared for this code ([UsesFacialData<T>] on the member or its type)" + Fix,
            diagnostics.Single(d => d.Id == "FC0013").GetMessage());
    }

    [Fact]
    public Task The_buffer_a_FaceImage_is_made_from_is_face_data_before_and_after_the_call() => Test(Uploader("""
            public async Task Before(byte[] frame, int width, int height)
            {
                await {|FC0013:http.PostAsync("u", new ByteArrayContent(frame))|};
                using var image = FaceImage.FromRgb24(frame, width, height);
            }

            public async Task After(byte[] frame, int width, int height)
            {
                using var image = FaceImage.FromRgb24(frame, width, height);
                await {|FC0013:http.PostAsync("u", new ByteArrayContent(frame))|};
            }

            public Task Unrelated(byte[] other) => http.PostAsync("u", new ByteArrayContent(other));
        """)).RunAsync();

    [Fact]
    public Task Conversions_copies_spans_formatting_and_collections_carry_face_data() => Test(Uploader("""
            public Task Base64(FaceImage image) => {|FC0013:http.PostAsync("u", new StringContent(Convert.ToBase64String(image.Pixels)))|};

            public Task Interpolated(FaceTemplate template) => {|FC0013:http.PostAsync("u", new StringContent($"t={template.Values[0]}"))|};

            public Task Concatenated(FaceTemplate template) => {|FC0013:http.PostAsync("u", new StringContent("t=" + string.Join(",", template.Values.ToArray())))|};

            public Task Copied(FaceImage image)
            {
                var copy = new byte[image.Pixels.Length];
                image.Pixels.CopyTo(copy);
                return {|FC0013:http.PostAsync("u", new ReadOnlyMemoryContent(copy.AsMemory()))|};
            }

            public Task ArrayElement(FaceTemplate template)
            {
                var values = new float[4];
                values[0] = template.Values[0];
                return {|FC0013:http.PostAsJsonAsync("u", values)|};
            }

            public Task Collection(FaceTemplate template)
            {
                var payload = new List<float[]>();
                payload.Add(template.Values.ToArray());
                return {|FC0013:http.PostAsJsonAsync("u", payload)|};
            }

            public Task Streamed(FaceImage image)
            {
                var stream = new MemoryStream();
                stream.Write(image.Pixels);
                return {|FC0013:http.PostAsync("u", new StreamContent(stream))|};
            }

            public Task Request(FaceTemplate template)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "u");
                request.Headers.Add("X-Face", Convert.ToBase64String(template.Values.ToArray().SelectMany(BitConverter.GetBytes).ToArray()));
                return {|FC0013:http.SendAsync(request)|};
            }

            public Task AnonymousObject(FaceTemplate template) => {|FC0013:http.PostAsJsonAsync("u", new { id = 1, values = template.Values.ToArray() })|};
        """)).RunAsync();

    [Fact]
    public Task A_request_whose_content_is_face_data_is_reported_at_the_content_the_first_sink_in_source_order() => Test(Uploader("""
            public Task Request(FaceTemplate template)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "u");
                request.Content = {|FC0013:JsonContent.Create(template.Values.ToArray())|};
                return http.SendAsync(request);
            }
        """)).RunAsync();

    [Fact]
    public Task The_result_of_a_processing_API_is_face_data() => Test(Snippets.InGate("""
            public async Task Enter(string id, Frame frame, System.Net.Http.HttpClient http)
            {
                consent.Ensure<CommunityEntry>(id);
                var who = engine.Identify(frame);
                await {|FC0013:http.PostAsync("u", new System.Net.Http.StringContent("seen " + who))|};
            }
        """).Replace("[UsesFacialData<CommunityEntry>]", "[UsesFacialData<StaffAttendance>]").Replace("consent.Ensure<CommunityEntry>", "consent.Ensure<StaffAttendance>")).RunAsync();

    [Fact]
    public async Task An_own_method_that_passes_a_parameter_to_a_sink_makes_its_call_with_face_data_the_use()
    {
        var diagnostics = await Test(Uploader("""
                private Task Post(byte[] data) => http.PostAsync("u", new ByteArrayContent(data));

                private Task Relay(byte[] data) => Post(data);

                public Task Direct(FaceImage image) => {|FC0013:Post(image.Pixels.ToArray())|};

                public Task Chained(FaceImage image) => {|FC0013:Relay(image.Pixels.ToArray())|};

                public Task NotFace() => Post(new byte[3]);
            """)).RunAsync();

        Assert.StartsWith(
            "'Uploader.Post' sends face data ('image', through 'HttpClient.PostAsync' inside it) off the device, but the purpose 'CommunityEntry' declares on-device storage",
            diagnostics.First(d => d.Id == "FC0013").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task An_own_method_returns_face_data_from_a_parameter_or_a_source() => Test(Uploader("""
            private static byte[] Same(byte[] data) => data;

            private static string Encode(FaceTemplate template) => Convert.ToBase64String(MemoryMarshalBytes(template));

            private static byte[] MemoryMarshalBytes(FaceTemplate template) => template.Values.ToArray().SelectMany(BitConverter.GetBytes).ToArray();

            public Task FromParameter(FaceImage image) => {|FC0013:http.PostAsync("u", new ByteArrayContent(Same(image.Pixels.ToArray())))|};

            public Task FromSource(FaceTemplate template) => {|FC0013:http.PostAsync("u", new StringContent(Encode(template)))|};

            public Task NotFace() => http.PostAsync("u", new ByteArrayContent(Same(new byte[3])));
        """)).RunAsync();

    [Fact]
    public Task A_field_assigned_face_data_by_its_own_type_is_face_data_in_every_member() => Test(Uploader("""
            private byte[] _last = Array.Empty<byte>();
            private string _label = "none";

            public void Keep(FaceImage image) => _last = image.Pixels.ToArray();

            public Task Flush() => {|FC0013:http.PostAsync("u", new ByteArrayContent(_last))|};

            public Task Label() => http.PostAsync("u", new StringContent(_label));
        """)).RunAsync();

    [Fact]
    public Task A_field_assigned_from_a_face_field_and_a_face_typed_field_are_face_data() => Test(Uploader("""
            private byte[] _pixels = Array.Empty<byte>();
            private byte[] _copy = Array.Empty<byte>();
            private FaceTemplate? _template;

            public void Keep(FaceImage image, FaceTemplate template)
            {
                _pixels = image.Pixels.ToArray();
                _template = template;
            }

            public void Copy() => _copy = _pixels;

            public Task FlushCopy() => {|FC0013:http.PostAsync("u", new ByteArrayContent(_copy))|};

            public Task FlushTemplate() => {|FC0013:http.PostAsJsonAsync("u", _template!.Values.ToArray())|};
        """)).RunAsync();

    [Fact]
    public Task Loops_patterns_getters_local_functions_and_recursion_are_followed() => Test(Uploader("""
            private FaceImage? _image;

            private byte[] Snapshot => _image!.Pixels.ToArray();

            public Task Getter() => {|FC0013:http.PostAsync("u", new ByteArrayContent(Snapshot))|};

            public async Task Loop(List<FaceTemplate> templates)
            {
                foreach (var template in templates)
                {
                    await {|FC0013:http.PostAsJsonAsync("u", template.Values.ToArray())|};
                }
            }

            public Task Pattern(object value, FaceImage image)
            {
                object boxed = image.Pixels.ToArray();
                return boxed is byte[] bytes ? {|FC0013:http.PostAsync("u", new ByteArrayContent(bytes))|} : Task.CompletedTask;
            }

            public Task LocalFunction(FaceImage image)
            {
                return Send(image.Pixels.ToArray());

                Task Send(byte[] data) => {|FC0013:http.PostAsync("u", new ByteArrayContent(data))|};
            }

            private static byte[] Again(byte[] data, int times) => times == 0 ? data : Again(data, times - 1);

            public Task Recursive(FaceImage image) => {|FC0013:http.PostAsync("u", new ByteArrayContent(Again(image.Pixels.ToArray(), 3)))|};

            private Task PingA(byte[] data, int times) => times == 0 ? http.PostAsync("u", new ByteArrayContent(data)) : PingB(data, times - 1);

            private Task PingB(byte[] data, int times) => PingA(data, times);

            public Task MutuallyRecursive(FaceImage image) => {|FC0013:PingB(image.Pixels.ToArray(), 2)|};
        """)).RunAsync();

    [Fact]
    public Task A_field_assigned_face_data_only_by_another_type_is_not_seen() => Test(Uploader("""
            public byte[] Data = Array.Empty<byte>();

            public Task Flush() => http.PostAsync("u", new ByteArrayContent(Data));
        """) + """

        public static class Filler
        {
            public static void Fill(Uploader uploader, FaceImage image) => uploader.Data = image.Pixels.ToArray();
        }
        """).RunAsync();

    [Fact]
    public Task The_flow_is_followed_per_member_without_order_a_later_copy_taints_an_earlier_send() => Test(Uploader("""
            public async Task SendThenCopy(FaceImage image)
            {
                var buffer = new byte[image.Pixels.Length];
                await {|FC0013:http.PostAsync("u", new ByteArrayContent(buffer))|};
                image.Pixels.CopyTo(buffer);
            }

            public async Task Overwritten(FaceImage image)
            {
                var data = image.Pixels.ToArray();
                data = new byte[1];
                await {|FC0013:http.PostAsync("u", new ByteArrayContent(data))|};
            }
        """)).RunAsync();

    [Fact]
    public Task Face_data_stops_at_hashes_scalars_other_assemblies_values_reflection_and_dynamic() => Test(Uploader("""
            public Task Hash(FaceTemplate template)
                => http.PostAsync("u", new StringContent(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(MemoryMarshal(template)))));

            private static byte[] MemoryMarshal(FaceTemplate template) => template.Values.ToArray().SelectMany(BitConverter.GetBytes).ToArray();

            public Task Size(FaceImage image) => http.PostAsync("u", new StringContent($"{image.Width}x{image.Height}, {image.Pixels.Length} bytes"));

            public Task Dimension(FaceTemplate template) => http.PostAsync("u", new StringContent(template.Dimension.ToString()));

            public Task FromDisk() => http.PostAsync("u", new ByteArrayContent(File.ReadAllBytes("photo.rgb")));

            public object? Reflected(FaceTemplate template)
                => typeof(Uploader).GetMethod("Forward")!.Invoke(this, new object[] { JsonSerializer.Serialize(template.Values.ToArray()) });

            public void Forward(string text) { }

            public object Dynamic(FaceTemplate template)
            {
                dynamic client = http;
                return client.PostAsync("u", JsonSerializer.Serialize(template.Values.ToArray()));
            }
        """)).RunAsync();

    [Fact]
    public Task Sockets_websockets_mail_and_grpc_are_network_sinks() => Test(Uploader("""
            public void Socket(System.Net.Sockets.Socket socket, FaceImage image) => {|FC0013:socket.Send(image.Pixels)|};

            public void Stream(System.Net.Sockets.NetworkStream stream, FaceImage image) => {|FC0013:stream.Write(image.Pixels)|};

            public Task WebSocket(System.Net.WebSockets.ClientWebSocket socket, FaceTemplate template)
                => {|FC0013:socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(template.Values.ToArray())), System.Net.WebSockets.WebSocketMessageType.Text, true, default)|};

            public void Mail(System.Net.Mail.SmtpClient smtp, FaceImage image)
            {
                var message = new System.Net.Mail.MailMessage("a@example.com", "b@example.com");
                message.Attachments.Add({|FC0013:new System.Net.Mail.Attachment(new MemoryStream(image.Pixels.ToArray()), "face.rgb")|});
                smtp.Send(message);
            }

            public void Grpc(Match.MatchClient client, FaceTemplate template) => {|FC0013:client.Compare(new Match.CompareRequest { Template = Google.Protobuf.ByteString.CopyFrom(MemoryMarshal(template)) })|};

            public Google.Protobuf.ByteString Protobuf(FaceImage image) => {|FC0013:Google.Protobuf.ByteString.CopyFrom(image.Pixels.ToArray())|};

            private static byte[] MemoryMarshal(FaceTemplate template) => template.Values.ToArray().SelectMany(BitConverter.GetBytes).ToArray();
        """)).WithSource("Grpc.cs", """
        namespace Grpc.Core
        {
            public abstract class ClientBase { }
            public abstract class ClientBase<T> : ClientBase where T : ClientBase<T> { }
        }

        namespace Google.Protobuf
        {
            public sealed class ByteString
            {
                public static ByteString CopyFrom(byte[] bytes) => new();
            }
        }

        namespace Match
        {
            public sealed class CompareRequest { public Google.Protobuf.ByteString? Template { get; set; } }
            public sealed class CompareReply { }
            public sealed class MatchClient : Grpc.Core.ClientBase<MatchClient>
            {
                public CompareReply Compare(CompareRequest request) => new();
            }
        }
        """).RunAsync();

    [Fact]
    public Task A_wrapper_that_posts_face_data_must_say_OffDevice() => Test(Uploader("""
            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public Task Silent(FaceTemplate template) => {|FC0013:http.PostAsJsonAsync("u", template.Values.ToArray())|};

            [ProcessesFacialData(FacialProcessingMethod.Verification, OffDevice = true)]
            public Task Declared(FaceTemplate template) => http.PostAsJsonAsync("u", template.Values.ToArray());
        """, string.Empty)).RunAsync();

    [Fact]
    public Task A_lambda_is_judged_by_the_purposes_of_its_site() => Test(Uploader("""
            public Func<Task> Later(FaceTemplate template) => () => {|FC0013:http.PostAsJsonAsync("u", template.Values.ToArray())|};

            public Func<Task> Declared(FaceTemplate template) => [UsesFacialData<CloudEntry>] () => http.PostAsJsonAsync("u", template.Values.ToArray());
        """)).RunAsync();

    [Fact]
    public void The_sink_table_parses_and_names_every_sink_kind()
    {
        var lines = FaceCompliance.Analyzers.FaceData.FaceDataSinkTable.Lines;
        Assert.Contains(lines, l => l.Kind == FaceCompliance.Analyzers.FaceData.FaceDataSinkKind.Network && l.DisplayName == "HttpClient.PostAsync");
        Assert.Contains(lines, l => l.Kind == FaceCompliance.Analyzers.FaceData.FaceDataSinkKind.Persistent && l.DisplayName == "File.WriteAllBytes");
        Assert.Contains(lines, l => l.Kind == FaceCompliance.Analyzers.FaceData.FaceDataSinkKind.Stop);
        Assert.Throws<System.FormatException>(() => FaceCompliance.Analyzers.FaceData.FaceDataSinkTable.Parse("Network;M:NoType"));
        Assert.Throws<System.FormatException>(() => FaceCompliance.Analyzers.FaceData.FaceDataSinkTable.Parse("Network;M:A.B;calls"));
    }
}
