using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.ML.OnnxRuntime;

namespace FaceCompliance.Vision.Onnx;

/// <summary>
/// The four face models as ONNX Runtime sessions, each created on first use from the verified embedded bytes and
/// then reused. <see cref="InferenceSession.Run(System.Collections.Generic.IReadOnlyCollection{NamedOnnxValue})"/>
/// is safe to call from several threads at once, so one instance serves a whole application;
/// <see cref="Shared"/> is that instance with the default options.
/// </summary>
internal sealed class OnnxModels : IDisposable
{
    /// <summary>
    /// ONNX Runtime's own telemetry (ETW events on Windows) switched off once per process before the first session:
    /// facial data processing should send nothing anywhere. The npm build's sources also set ORT_DISABLE_TELEMETRY;
    /// this covers the NuGet package too.
    /// </summary>
    private static readonly Lazy<bool> TelemetryOff = new(() =>
    {
        OrtEnv.Instance().DisableTelemetryEvents();
        return true;
    });

    private readonly Lazy<InferenceSession>[] sessions;
    private readonly bool isShared;
    private int disposed;

    /// <summary>Sessions with the given options (default <see cref="FaceModelOptions.Default"/>), created lazily.</summary>
    public OnnxModels(FaceModelOptions? options = null)
        : this(options ?? FaceModelOptions.Default, isShared: false)
    {
    }

    /// <summary>Sessions of this instance only (disposed with it), each load counted and timed by <paramref name="telemetry"/>.</summary>
    public OnnxModels(FaceModelOptions options, VisionTelemetry telemetry)
        : this(options, isShared: false, telemetry)
    {
    }

    private OnnxModels(FaceModelOptions options, bool isShared, VisionTelemetry? telemetry = null)
    {
        Options = options;
        this.isShared = isShared;
        sessions = new Lazy<InferenceSession>[FaceModel.All.Count];
        for (int i = 0; i < sessions.Length; i++)
        {
            FaceModel model = FaceModel.All[i];
            sessions[i] = new Lazy<InferenceSession>(() => Load(model, options, telemetry), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>The process-wide sessions with the default options; <see cref="Dispose"/> leaves them open.</summary>
    public static OnnxModels Shared { get; } = new(FaceModelOptions.Default, isShared: true);

    private static readonly ConcurrentDictionary<FaceModelOptions, OnnxModels> SharedByOptions = new();

    /// <summary>
    /// The process-wide sessions for <paramref name="options"/> (<see cref="Shared"/> for null or the default). The
    /// options are checked now, CUDA included, so that a wrong setting fails where the component is created rather
    /// than at its first face.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="InvalidOperationException">CUDA was asked for and cannot be used.</exception>
    public static OnnxModels For(FaceModelOptions? options)
    {
        if (options is null || options == FaceModelOptions.Default)
        {
            return Shared;
        }

        using (options.CreateSessionOptions())
        {
        }

        return SharedByOptions.GetOrAdd(options, o => new OnnxModels(o, isShared: true));
    }

    /// <summary>How many of the four sessions exist now (created on first use, or by the warm-up).</summary>
    public int SessionsCreated
    {
        get
        {
            int created = 0;
            foreach (Lazy<InferenceSession> session in sessions)
            {
                created += session.IsValueCreated ? 1 : 0;
            }
            return created;
        }
    }

    /// <summary>The options the sessions are created with.</summary>
    public FaceModelOptions Options { get; }

    /// <summary>fr_detect.onnx (<see cref="FaceModel.Detector"/>).</summary>
    public InferenceSession Detector => this[FaceModel.Detector];

    /// <summary>fr_landmark.onnx (<see cref="FaceModel.Landmarks"/>).</summary>
    public InferenceSession Landmarks => this[FaceModel.Landmarks];

    /// <summary>fr_feature.onnx (<see cref="FaceModel.Embedding"/>).</summary>
    public InferenceSession Embedding => this[FaceModel.Embedding];

    /// <summary>fr_liveness.onnx (<see cref="FaceModel.Liveness"/>).</summary>
    public InferenceSession Liveness => this[FaceModel.Liveness];

    /// <summary>The session of <paramref name="model"/>, created on first use.</summary>
    public InferenceSession this[FaceModel model]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(model);
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            int index = -1;
            for (int i = 0; i < FaceModel.All.Count; i++)
            {
                if (ReferenceEquals(FaceModel.All[i], model))
                {
                    index = i;
                }
            }
            return sessions[index].Value;
        }
    }

    /// <summary>A new session of <paramref name="model"/>, independent of any <see cref="OnnxModels"/>; the caller disposes it.</summary>
    public static InferenceSession CreateSession(FaceModel model, FaceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        byte[] bytes = ModelStore.Load(model);
        _ = TelemetryOff.Value;
        using SessionOptions sessionOptions = options.CreateSessionOptions();
        return new InferenceSession(bytes, sessionOptions);
    }

    private static InferenceSession Load(FaceModel model, FaceModelOptions options, VisionTelemetry? telemetry)
    {
        if (telemetry is null)
        {
            return CreateSession(model, options);
        }

        long started = telemetry.Clock.GetTimestamp();
        InferenceSession session = CreateSession(model, options);
        telemetry.ModelLoaded(model.FileName, telemetry.Clock.GetElapsedTime(started));
        return session;
    }

    /// <summary>Closes the sessions created so far (not those of <see cref="Shared"/>).</summary>
    public void Dispose()
    {
        if (isShared || Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        foreach (Lazy<InferenceSession> session in sessions)
        {
            if (session.IsValueCreated)
            {
                session.Value.Dispose();
            }
        }
    }
}
