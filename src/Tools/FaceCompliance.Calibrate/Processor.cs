using FaceCompliance;

// The tool runs on the deployer's machine, on the deployer's photos: the deployer is the processor
// (Measures Art. 5 §1(1); PIPL Art. 17(1)) and tells the people photographed its own name and contact.
[assembly: FacialDataProcessor(
    "运行本校准工具的部署单位（即照片的处理者）",
    "部署单位在征求同意时告知的个人信息保护联系人 / the privacy contact the organisation gave when it asked for consent",
    NameEn = "The organisation that runs this calibration tool on its photos (the processor of those photos)",
    ComplaintChannel = "部署单位在征求同意时告知的投诉渠道",
    ComplaintChannelEn = "the complaints channel the organisation named when it asked for consent",
    SecurityMeasures = FacialDataSecurityMeasures.DataEncryption | FacialDataSecurityMeasures.AccessControl)]

// The tool is calibrated under China's profile (Measures Art. 2; FC0100).
[assembly: OperatesIn(Jurisdiction.CN)]
