using FaceCompliance;

// FC0007: the processor is declared but its contact is empty, so people are not told how to reach whoever
// processes their face information (Measures Art. 5 §1(1); PIPL Art. 17(1)).
[assembly: FacialDataProcessor("Sunny Gardens Property Services", "")] // expect FC0007

// The application operates in China (Measures Art. 2), so FC0100 is satisfied.
[assembly: OperatesIn(Jurisdiction.CN)]
