using System;
using System.IO;
using System.Text;
using CommunityAccess;
using CommunityAccess.Consent;
using CommunityAccess.Faces;
using CommunityAccess.Gate;
using FaceCompliance;
using FaceCompliance.Generated;

// A short scripted morning-and-night at the community gate, on real face photos (see ../shared/data/faces/SOURCES.md).
Console.OutputEncoding = Encoding.UTF8;

string? faces = FindFacesFolder();
if (faces is null)
{
    Console.Error.WriteLine("CommunityAccess: the face photos were not found.");
    Console.Error.WriteLine("Expected ../shared/data/faces/ppm (identities/ and scenes/) next to the folder that holds FaceCompliance.sln,");
    Console.Error.WriteLine($"searching upwards from {AppContext.BaseDirectory}.");
    return 2;
}

// Before anything else, residents read the notice: the text generated from CommunityEntry's declarations (Art. 5).
FacialNotice notice = CommunityEntry.Notice;
Console.WriteLine(notice.Chinese.Text);
Console.WriteLine(notice.English.Text);
Console.WriteLine($"(notice version {CommunityEntry.NoticeVersion}; every consent below records it)");
Console.WriteLine();
Console.WriteLine("Community gate demo: 1:1 face entry, with card or PIN for everyone");
Console.WriteLine($"  processor : {FacialDataDeclarations.ProcessorName}, contact {FacialDataDeclarations.ProcessorContact}");
Console.WriteLine($"  purpose   : {CommunityEntry.PurposeId}, kept at most {CommunityEntry.RetentionPeriod.TotalDays} days (a template enrolled now expires {CommunityEntry.ExpiresAt(DateTimeOffset.UtcNow):yyyy-MM-dd})");
Console.WriteLine($"  photos    : {faces}");
Console.WriteLine("  matcher   : ThumbnailFaceEngine, a STAND-IN (16x16 thumbnails, cosine similarity) until the ONNX matcher lands; scores are illustrative only");
Console.WriteLine();

var consent = new ConsentBook(TimeProvider.System);
var gate = new GateController(new ThumbnailFaceEngine(), consent);
PhotoFrame Photo(string relative) => PhotoFrame.LoadPpm(Path.Combine(faces, relative));
void Log(string time, string what) => Console.WriteLine($"[{time}] {what}");

// Every resident gets a card or PIN, whether or not they use face entry.
gate.IssueCard("howard", "CARD-0301");
gate.IssueCard("raj", "CARD-0502");
gate.IssueCard("penny", "PIN-4821");
Log("07:50", "cards issued to howard, raj and penny");

// Howard and Raj read the notice and consent; Penny does not.
consent.RecordConsent<CommunityEntry>("howard");
consent.RecordConsent<CommunityEntry>("raj");
Log("07:55", $"howard and raj read notice {CommunityEntry.NoticeVersion} and gave separate consent to CommunityEntry; penny did not");

foreach ((string resident, string photo) in new[] { ("howard", "identities/howard1.ppm"), ("raj", "identities/raj5.ppm"), ("penny", "identities/penny1.ppm") })
{
    try
    {
        bool enrolled = gate.Enrol(resident, Photo(photo));
        Log("08:00", $"enrol {resident,-6} from {Path.GetFileName(photo)}: {(enrolled ? "enrolled" : "no single face in the photo, not enrolled")}");
    }
    catch (ConsentMissingException e)
    {
        Log("08:00", $"enrol {resident,-6} refused before any face processing: {e.Message}");
    }
}

Console.WriteLine();
Log("08:15", "howard looks at the camera (howard5.ppm)");
Console.WriteLine("         " + gate.EnterByFace("howard", Photo("identities/howard5.ppm"), new TimeOnly(8, 15)));

Log("08:20", "someone claims to be howard (leonard1.ppm)");
Console.WriteLine("         " + gate.EnterByFace("howard", Photo("identities/leonard1.ppm"), new TimeOnly(8, 20)));

Log("08:30", "penny looks at the camera (penny1.ppm), but never consented");
GateDecision pennyByFace = gate.EnterByFace("penny", Photo("identities/penny1.ppm"), new TimeOnly(8, 30));
Console.WriteLine("         " + pennyByFace);
if (pennyByFace.Outcome == GateOutcome.CardRequired)
{
    Log("08:30", "penny enters her PIN");
    Console.WriteLine("         " + gate.EnterWithCard("penny", "PIN-4821"));
}

Log("09:10", "howard claims entry, but the camera sees a blank frame (noface_white.ppm)");
Console.WriteLine("         " + gate.EnterByFace("howard", Photo("scenes/noface_white.ppm"), new TimeOnly(9, 10)));

Log("23:40", "raj comes home late (raj2.ppm)");
Console.WriteLine("         " + gate.EnterByFace("raj", Photo("identities/raj2.ppm"), new TimeOnly(23, 40)));

Log("23:45", "someone claims to be raj (sheldon5.ppm)");
Console.WriteLine("         " + gate.EnterByFace("raj", Photo("identities/sheldon5.ppm"), new TimeOnly(23, 45)));

Console.WriteLine();
bool deleted = gate.WithdrawFaceEntry("raj");
Log("23:50", $"raj withdraws consent: template {(deleted ? "deleted" : "not found")}, {gate.EnrolledCount} resident(s) still enrolled");
Log("23:55", "raj looks at the camera again (raj2.ppm)");
Console.WriteLine("         " + gate.EnterByFace("raj", Photo("identities/raj2.ppm"), new TimeOnly(23, 55)));
Log("23:55", "raj taps his card");
Console.WriteLine("         " + gate.EnterWithCard("raj", "CARD-0502"));
return 0;

// The photos live in ../shared/data/faces/ppm relative to the repository root (the folder holding FaceCompliance.sln).
static string? FindFacesFolder()
{
    for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "FaceCompliance.sln")))
        {
            string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "faces", "ppm"));
            return Directory.Exists(Path.Combine(candidate, "identities")) && Directory.Exists(Path.Combine(candidate, "scenes"))
                ? candidate
                : null;
        }
    }

    return null;
}
