using System;
using System.Collections.Generic;
using FaceCompliance;
using FaceCompliance.Stores.NodeWorker;

[assembly: FacialDataProcessor("多节点测试有限公司", "privacy@nodes.example", NameEn = "Node Test Ltd")]

// Usage: FaceCompliance.Stores.NodeWorker --node <name> --key <master key in hex> (--postgres <connection string> | --sqlite <file>)
// Opens the store with the node's name as the audit actor, prints "ready <name>", then runs the commands it reads on
// standard input, one a line, until "exit" or the end of input (NodeCommands lists them). Every line it prints is
// flushed at once: "ack <operation> ..." after each write that committed (the test's ledger of acknowledged writes),
// "fail <operation> <subject> <exception type>: <message>" for a write that did not, and "done <command> key=value ..."
// when a command ends (for identify, the answer).
string? node = null, key = null, postgres = null, sqlite = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--node": node = args[i + 1]; break;
        case "--key": key = args[i + 1]; break;
        case "--postgres": postgres = args[i + 1]; break;
        case "--sqlite": sqlite = args[i + 1]; break;
        default: return Usage($"unknown option {args[i]}");
    }
}

if (args.Length % 2 != 0 || node is null || key is null || (postgres is null) == (sqlite is null))
{
    return Usage("give --node, --key and one of --postgres and --sqlite");
}

var output = new NodeOutput(Console.Out);
using var store = NodeStore.Open(node, Convert.FromHexString(key), postgres, sqlite);
using var commands = new NodeCommands(store, output, Console.In);
output.Line("ready " + node);
while (Console.In.ReadLine() is { } line)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0)
    {
        continue;
    }

    if (words[0] == "exit")
    {
        break;
    }

    var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var word in words[1..])
    {
        var pair = word.Split('=', 2);
        arguments[pair[0]] = pair.Length == 2 ? pair[1] : "";
    }

    commands.Run(words[0], arguments);
}

return 0;

static int Usage(string problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("usage: FaceCompliance.Stores.NodeWorker --node <name> --key <master key hex> (--postgres <connection string> | --sqlite <file>)");
    return 2;
}
