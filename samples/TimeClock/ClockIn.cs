using FaceCompliance;

namespace TimeClock;

/// <summary>Employees clock in and out by face at the shop-floor time clock (1:1 against their own template).</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "员工考勤打卡", DescriptionEn = "Record employees' working time at the shop-floor time clock",
    NecessityZh = "防止代打卡", NecessityEn = "Stop one employee clocking in for another",
    ImpactZh = "人脸特征加密保存在本地考勤机", ImpactEn = "Face templates stay encrypted on the time clock's own store",
    RetentionDays = 3650,
    AlternativeZh = "可刷工牌打卡", AlternativeEn = "Swipe your badge at the same clock instead; nothing changes for your pay or your job.")]
[FacialDataRecipient("payroll",
    NameZh = "薪资服务商", NameEn = "Lakeside Payroll LLC", Contact = "privacy@lakeside-payroll.example",
    PurposeZh = "核对工时争议", PurposeEn = "Resolve disputed hours at the employee's request",
    Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate,
    DisclosureBasis = FacialDisclosureBasis.SubjectConsent)]
public sealed partial class ClockIn
{
}
