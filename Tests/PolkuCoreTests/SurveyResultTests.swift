import PolkuCore
import Testing

/// A survey's result appears only from five answers up, words included.
@Suite struct SurveyResultTests {
    let questions = SurveyQuestion.from(ratings: "Ryhmä oli hyödyllinen\n\n  Ohjaaja kuunteli  \n", open: "Mitä muuttaisit?")

    @Test func questionsAreReadAsTheManagerWritesThem() {
        #expect(questions.map(\.id) == ["q1", "q2", "open"])
        #expect(questions.map(\.kind) == [.scale, .scale, .text] && questions[1].text == "Ohjaaja kuunteli")
        #expect(SurveyQuestion.from(ratings: String(repeating: "K\n", count: 12), open: " ").count == 10)
    }

    @Test func fourAnswersShowNothingFiveShowEverything() {
        let four = (0..<4).map { _ in (ratings: ["q1": 5, "q2": 4], text: Optional("Hyvä")) }
        let hidden = SurveyResult.of(questions, answers: four)
        #expect(hidden.answers == .suppressed && !hidden.isShown && hidden.texts.isEmpty && hidden.ratings.allSatisfy { !$0.summary.isShown })
        let five = four + [(ratings: ["q1": 1], text: Optional("Aamut liian aikaisin"))]
        let shown = SurveyResult.of(questions, answers: five)
        #expect(shown.isShown && shown.answers == .exact(5) && shown.texts == ["Aamut liian aikaisin", "Hyvä", "Hyvä", "Hyvä", "Hyvä"])
        #expect(shown.ratings[0].summary.mean == 4.2 && shown.ratings[0].summary.goodShare == 80)
        // Four people answered the second question: it stays hidden while the survey shows.
        #expect(shown.ratings[1].summary.answers == .suppressed && shown.ratings[1].summary.mean == nil)
    }
}
