import PolkuCore
import Testing

/// Feedback sums leave the participants' hands only from five answers up.
@Suite struct FeedbackSummaryTests {
    @Test func fewerThanFiveAnswersShowNothingButThatTheyAreFew() {
        let four = FeedbackSummary.of([5, 5, 1, 4])
        #expect(four.answers == .suppressed && four.mean == nil && four.goodShare == nil && !four.isShown)
        #expect(four.answers.description == "<5")
        let none = FeedbackSummary.of([])
        #expect(none.answers == .exact(0) && none.mean == nil && !none.isShown)
    }

    @Test func fiveAnswersAndMoreShowTheMeanAndTheShareOfGoodOnes() {
        let five = FeedbackSummary.of([5, 4, 3, 2, 5])
        #expect(five.answers == .exact(5) && five.mean == 3.8 && five.goodShare == 60)
        let seven = FeedbackSummary.of([1, 1, 1, 1, 1, 1, 2])
        #expect(seven.mean == 1.1 && seven.goodShare == 0)
        // Out-of-range ratings are not answers: four valid ones stay hidden.
        #expect(FeedbackSummary.of([5, 5, 5, 5, 9, 0]).answers == .suppressed)
    }
}
