using System;
using System.Collections.Generic;
using System.IO;
using OpenCvSharp;
using OpenCvSharp.Face;

namespace OpenCvSharpConsumer;

/// <summary>
/// A staff attendance kiosk on OpenCvSharp4: YuNet and a Haar cascade find faces, LBF landmarks locate their parts,
/// and an LBPH recognizer trained on the staff's photos names the person (1:N). Setting it up (factories, options,
/// thresholds, model files) and tearing it down are not facial-data uses; the calls that take an image are.
/// </summary>
public sealed class AttendanceKiosk : IDisposable
{
    private readonly FaceDetectorYN yunet;
    private readonly CascadeClassifier cascade;
    private readonly FacemarkLBF facemark;
    private readonly LBPHFaceRecognizer recognizer;
    private readonly EigenFaceRecognizer eigenFaces;

    /// <summary>Creates the models from the files in a folder.</summary>
    /// <param name="models">The folder with the model files.</param>
    public AttendanceKiosk(string models)
    {
        yunet = FaceDetectorYN.Create(Path.Combine(models, "face_detection_yunet_2023mar.onnx"), string.Empty, new Size(320, 320), scoreThreshold: 0.8f);
        cascade = new CascadeClassifier(Path.Combine(models, "haarcascade_frontalface_default.xml"));

        using var parameters = new FacemarkLBF.Params { ModelFilename = Path.Combine(models, "lbfmodel.yaml"), NLandmarks = 68, Verbose = false };
        parameters.CascadeFace = Path.Combine(models, "haarcascade_frontalface_default.xml");
        facemark = FacemarkLBF.Create(parameters);
        facemark.LoadModel(Path.Combine(models, "lbfmodel.yaml"));

        recognizer = LBPHFaceRecognizer.Create(radius: 1, neighbors: 8, gridX: 8, gridY: 8);
        recognizer.SetThreshold(80);
        recognizer.SetGridX(recognizer.GetGridX());
        eigenFaces = EigenFaceRecognizer.Create(numComponents: 80);
        eigenFaces.SetThreshold(eigenFaces.GetThreshold() / 2);
    }

    /// <summary>Loads a recognizer trained earlier.</summary>
    /// <param name="path">The model file.</param>
    public void LoadTrained(string path)
    {
        recognizer.Read(path);
        using var storage = new FileStorage(path, FileStorage.Modes.Read);
        using var node = storage["opencv_lbphfaces"];
        if (node is not null)
        {
            recognizer.Read(node);
        }
    }

    /// <summary>Saves the trained recognizer.</summary>
    /// <param name="path">The model file.</param>
    public void SaveTrained(string path)
    {
        recognizer.Write(path);
        recognizer.Save(path + ".bak");
    }

    /// <summary>Enrols the staff from their photos.</summary>
    /// <param name="faces">One aligned grey face per photo.</param>
    /// <param name="staffIds">The staff id of each photo.</param>
    public void Enrol(IReadOnlyList<Mat> faces, IReadOnlyList<int> staffIds)
    {
        recognizer.Train(faces, staffIds); // expect FC0001 // expect FC0002 // expect FC0003
        eigenFaces.Train(faces, staffIds); // expect FC0001 // expect FC0002 // expect FC0003
        for (int i = 0; i < staffIds.Count; i++)
        {
            recognizer.SetLabelInfo(staffIds[i], "staff " + staffIds[i]);
        }
    }

    /// <summary>Finds the faces in a camera frame and names the first one.</summary>
    /// <param name="frame">The camera frame (BGR).</param>
    /// <returns>The staff member's label, or null.</returns>
    public string? WhoIsThere(Mat frame)
    {
        using var detections = new Mat();
        int found = yunet.Detect(frame, detections); // expect FC0001 // expect FC0002
        Rect[] boxes = cascade.DetectMultiScale(frame, scaleFactor: 1.1, minNeighbors: 5); // expect FC0001 // expect FC0002
        if (found == 0 || boxes.Length == 0)
        {
            return null;
        }

        using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var faceBoxes = InputArray.Create(boxes);
        if (!facemark.Fit(grey, faceBoxes, out Point2f[][] landmarks) || landmarks.Length == 0) // expect FC0001 // expect FC0002
        {
            return null;
        }

        using var face = new Mat(grey, boxes[0]);
        recognizer.Predict(face, out int label, out double distance); // expect FC0001 // expect FC0002 // expect FC0003
        return distance < recognizer.GetThreshold() ? recognizer.GetLabelInfo(label) : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        eigenFaces.Dispose();
        recognizer.Dispose();
        facemark.Dispose();
        cascade.Dispose();
        yunet.Dispose();
    }
}
