using System;

namespace FaceCompliance;

/// <summary>
/// Declares who processes facial information in this assembly and how people reach them: the first item
/// people must be told before processing (Measures Art. 5 §1(1); PIPL Art. 17(1)). An assembly that
/// processes facial data without it, or with an empty name or contact, fails the build (FC0007).
/// </summary>
/// <example><code>[assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example")]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class FacialDataProcessorAttribute : Attribute
{
    /// <summary>Declares the processor.</summary>
    /// <param name="name">The processor's name as registered (个人信息处理者的名称或者姓名).</param>
    /// <param name="contact">How people contact the processor about their face information (联系方式).</param>
    public FacialDataProcessorAttribute(string name, string contact)
    {
        Name = name;
        Contact = contact;
    }

    /// <summary>The processor's name as registered.</summary>
    public string Name { get; }

    /// <summary>How people contact the processor: an address, telephone number or e-mail address.</summary>
    public string Contact { get; }

    /// <summary>The processor's name in English, for the English notice; <see cref="Name"/> when empty.</summary>
    public string? NameEn { get; set; }

    /// <summary>Where people complain or report (投诉、举报), when it differs from <see cref="Contact"/>.</summary>
    public string? ComplaintChannel { get; set; }

    /// <summary>The complaint channel in English, for the English notice; <see cref="ComplaintChannel"/> when empty.</summary>
    public string? ComplaintChannelEn { get; set; }

    /// <summary>The security measures in place (Art. 14), as declared in the filing materials (Art. 15).</summary>
    public FacialDataSecurityMeasures SecurityMeasures { get; set; }

    /// <summary>
    /// The reference (number and date) of the personal information protection impact assessment done before
    /// processing (个人信息保护影响评估; Art. 9; PIPL Art. 55). Written into the filing materials; left as a gap to
    /// complete when empty.
    /// </summary>
    public string? ImpactAssessmentReference { get; set; }

    /// <summary>
    /// Where people can read the full notice (人脸信息处理规则), such as a web address: the public-place sign points to
    /// it (Measures Art. 13), so that nobody has to ask for the rules.
    /// </summary>
    public string? NoticeLocation { get; set; }
}
