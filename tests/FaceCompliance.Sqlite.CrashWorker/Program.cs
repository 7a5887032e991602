using System;
using System.Globalization;
using FaceCompliance;
using FaceCompliance.Sqlite;
using FaceCompliance.Sqlite.CrashWorker;

[assembly: FacialDataProcessor("崩溃测试有限公司", "privacy@crash.example", NameEn = "Crash Test Ltd")]

// Usage: FaceCompliance.Sqlite.CrashWorker <database file> <master key in hex>
// Opens the store, prints "started <run>", then without end: grants a consent to a new subject "<run>-<k>", enrols
// 1 to 3 templates for it and prints "enrolled <n>" (the run's enrolments so far) after each committed enrolment.
// It never stops by itself: the crash test kills it.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: FaceCompliance.Sqlite.CrashWorker <database file> <master key in hex>");
    return 2;
}

var store = SqliteFacialDataStore.Open(args[0], new FacialDataStoreOptions(new FacialDataKeys(Convert.FromHexString(args[1])))
{
    Actor = "crash-worker",
    TemplateDimension = CrashEntry.Dimension,
});
var run = "run" + Guid.NewGuid().ToString("N")[..12];
var random = new Random();
var values = new float[CrashEntry.Dimension];
Console.WriteLine("started " + run);
Console.Out.Flush();
var enrolled = 0L;
for (var k = 0L; ; k++)
{
    var receipt = store.Consents.Grant<CrashEntry>(new ConsentGrant(run + "-" + k.ToString(CultureInfo.InvariantCulture)));
    var templates = random.Next(1, 4);
    for (var i = 0; i < templates; i++)
    {
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = (float)(random.NextDouble() * 2 - 1);
        }

        values[0] += 3; // never all zeros
        store.Templates.Enroll(receipt, new FaceTemplate(values));
        enrolled++;
        Console.WriteLine("enrolled " + enrolled.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
    }
}
