using Collab.Data;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Training;

var path = args.Length > 0 ? args[0] : "../shared/data/movie_lens_sample/ratings.csv";
var table = RatingsTable.FromFile(path);                       // userId,movieId,rating,timestamp
// The lesson's recipe: 50 factors, y_range (0, 5.5), 5 epochs of one cycle at lr 5e-3, weight decay 0.1.
var trained = CollabTrainer.Train(table, Recipes.Lesson with { ValidPct = 0.2, Seed = 42 });
foreach (var epoch in trained.Summary.Epochs)
    Console.WriteLine($"{epoch.Epoch}  {epoch.TrainLoss:F6}  {epoch.ValidLoss:F6}");

trained.Save("movies.collab");
var predictor = new Predictor(TrainedModel.Load("movies.collab"));
var prediction = predictor.Predict("73", "1097");
Console.WriteLine($"user 73 would rate movie 1097 {prediction.Rating:F2} ({prediction.Explanation})");
