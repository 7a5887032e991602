using System.IO;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>Whole lines to standard output from any thread, each flushed at once: a line printed is a line the test can count on.</summary>
public sealed class NodeOutput(TextWriter writer)
{
    private readonly object _gate = new();

    public void Line(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
