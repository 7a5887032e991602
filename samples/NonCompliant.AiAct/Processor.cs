using FaceCompliance;

// A leisure club in the EU that deploys face recognition systems: the AI Act's profile applies to every purpose below
// (none narrows its Jurisdictions), so the Article 5 bans are checked at compile time (FC0110-FC0113).
[assembly: FacialDataProcessor("Example Leisure B.V.", "privacy@example.eu", NameEn = "Example Leisure B.V.", NoticeLocation = "https://example.eu/face-recognition")]
[assembly: OperatesIn(Jurisdiction.EU_AIACT, AiActRole = AiActRole.Deployer)]
