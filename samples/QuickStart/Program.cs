using Collab.Data;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Training;

var path = args.Length > 0 ? args[0] : "../shared/data/movie_lens_sample/ratings.csv";
var table = RatingsTable.FromFile(path);                       // userId,movieId,rating,timestamp
var trained = CollabTrainer.Train(table, new TrainingOptions    // the lesson's recipe
{
    Factors = 50,
    YRange = new(0f, 5.5f),
    Epochs = 3,
    LearningRate = 5e-3,
    ValidPct = 0.2,
    Seed = 42,
});
foreach (var epoch in trained.Summary.Epochs)
    Console.WriteLine($"{epoch.Epoch}  {epoch.TrainLoss:F6}  {epoch.ValidLoss:F6}");

trained.Save("movies.collab");
var predictor = new Predictor(TrainedModel.Load("movies.collab"));
var prediction = predictor.Predict("73", "1097");
Console.WriteLine($"user 73 would rate movie 1097 {prediction.Rating:F2} ({prediction.Explanation})");
