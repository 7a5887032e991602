using System;

namespace FaceCompliance;

/// <summary>
/// Declares, on a purpose type, another personal information processor to which this purpose provides face
/// information (向其他个人信息处理者提供; PIPL Art. 23): who it is, how to reach it, and what it does with the data.
/// People must be told all of it and give a separate consent to the provision; the notice lists every recipient
/// (element 15). A use of an API that provides face data to another processor (a <c>FacialDataApis.txt</c> line
/// marked <c>;Provision</c>, or <c>[ProcessesFacialData(ProvidesToRecipient = true)]</c>) needs a purpose that
/// declares a complete recipient (FC0019), and an incomplete declaration is reported where it is written.
/// Declare one attribute per recipient.
/// </summary>
/// <example><code>
/// [FacialDataPurpose(FacialProcessingMethod.Verification, ...)]
/// [FacialDataRecipient("group-hq",
///     NameZh = "阳光集团总部", NameEn = "Sunny Group headquarters", Contact = "dpo@sunny-group.example",
///     PurposeZh = "集团统一门禁", PurposeEn = "Group-wide access control",
///     Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate)]
/// public sealed partial class CommunityEntry { }
/// </code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class FacialDataRecipientAttribute : Attribute
{
    /// <summary>Declares a recipient under the key the code names it by.</summary>
    /// <param name="id">
    /// The key the code names this recipient by (<c>[ProcessesFacialData(RecipientId = "...")]</c>); unique among the
    /// purpose's recipients.
    /// </param>
    public FacialDataRecipientAttribute(string id) => Id = id;

    /// <summary>The key the code names this recipient by.</summary>
    public string Id { get; }

    /// <summary>The recipient's name in Chinese (接收方的名称或者姓名).</summary>
    public string? NameZh { get; set; }

    /// <summary>The recipient's name in English.</summary>
    public string? NameEn { get; set; }

    /// <summary>How to reach the recipient (接收方的联系方式): an address, telephone number or e-mail.</summary>
    public string? Contact { get; set; }

    /// <summary>What the recipient processes the face information for, in Chinese (接收方的处理目的).</summary>
    public string? PurposeZh { get; set; }

    /// <summary>What the recipient processes the face information for, in English.</summary>
    public string? PurposeEn { get; set; }

    /// <summary>How the recipient processes the face information (接收方的处理方式); must not be <see cref="FacialProcessingMethod.Unspecified"/>.</summary>
    public FacialProcessingMethod Method { get; set; }

    /// <summary>The categories of personal information provided (个人信息的种类); must not be <see cref="FacialDataCategories.None"/>.</summary>
    public FacialDataCategories DataCategories { get; set; }

    /// <summary>
    /// The ground the recipient gets the data on. Under Illinois, Texas or Colorado it must be one that every
    /// jurisdiction the purpose serves lists (BIPA §15(d); CUBI (c)(1); C.R.S. 6-1-1314), or the build fails (FC0132).
    /// </summary>
    public FacialDisclosureBasis DisclosureBasis { get; set; }

    /// <summary>
    /// The data is sold, leased or traded to the recipient, or the processor otherwise profits from providing it.
    /// Illinois (BIPA §15(c)), Texas (CUBI (c)(1)) and Colorado forbid it: true under any of them fails the build (FC0131).
    /// </summary>
    public bool ForProfit { get; set; }
}
