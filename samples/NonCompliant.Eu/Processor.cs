using FaceCompliance;

// An office operator in China and the EU. The EU declaration names the supervisory authority (GDPR Art. 13(2)(d));
// what each purpose leaves out is in Purposes.cs.
[assembly: FacialDataProcessor("示例办公服务有限公司", "privacy@office.example", NameEn = "Example Office Services GmbH",
    ComplaintChannel = "privacy@office.example", ComplaintChannelEn = "privacy@office.example")]
[assembly: OperatesIn(Jurisdiction.CN)]
[assembly: OperatesIn(Jurisdiction.EU,
    SupervisoryAuthority = "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit, https://datenschutz-hamburg.de")]
