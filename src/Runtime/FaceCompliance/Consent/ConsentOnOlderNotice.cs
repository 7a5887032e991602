using System;

namespace FaceCompliance;

/// <summary>
/// A person whose current consent to a purpose was given to an older version of its notice (Measures Art. 5 §2): they
/// must be told what changed (the purpose's generated <c>ChangeNoticeFrom(NoticeVersion)</c>) and consent again before
/// their face information is processed for it.
/// </summary>
/// <param name="SubjectId">The person.</param>
/// <param name="ReceiptId">Their current receipt: the latest consent to the purpose that is neither withdrawn nor expired.</param>
/// <param name="NoticeVersion">The notice version that receipt records.</param>
/// <param name="GivenAt">When that consent was given.</param>
public sealed record ConsentOnOlderNotice(string SubjectId, string ReceiptId, string NoticeVersion, DateTimeOffset GivenAt);
