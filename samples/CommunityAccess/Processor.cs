using FaceCompliance;

// Who processes residents' face information, and how residents reach them (Measures Art. 5 §1(1); PIPL Art. 17(1)).
[assembly: FacialDataProcessor(
    "阳光花园物业服务有限公司",
    "privacy@sunny-gardens.example / +86 755 8888 0000",
    NameEn = "Sunny Gardens Property Services Co., Ltd.",
    ComplaintChannel = "物业服务中心投诉电话 0755-8888-0001，或业主委员会办公室",
    ComplaintChannelEn = "the property service centre complaints line 0755-8888-0001, or the homeowners' committee office",
    SecurityMeasures = FacialDataSecurityMeasures.DataEncryption | FacialDataSecurityMeasures.SecurityAudit
        | FacialDataSecurityMeasures.AccessControl | FacialDataSecurityMeasures.AuthorizationManagement)]

// Where the application operates, so China's profile applies (Measures Art. 2; FC0100).
[assembly: OperatesIn(Jurisdiction.CN)]
