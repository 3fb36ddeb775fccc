/** What each weekday planet means under each moon phase. */
import type { CombinerText } from "../engine-text";
import { withArticle } from "./words";

export const PLANET_MOON: CombinerText["planetMoon"] = {
  Sun: {
    "New Moon": "Something about you has not shown itself yet. Spend a few minutes today noticing what you are drawn to when nobody is asking anything of you.",
    "Waxing Crescent": "Your wants are getting clearer and louder. Pick one and give it ten minutes of real effort before the day is done.",
    "First Quarter": "A situation may question how you see yourself. Answer from your values rather than your reputation, and the tension will ease.",
    "Waxing Gibbous": "You are close to saying plainly what you are for. Write it in one line and cross out every word that is only decoration.",
    "Full Moon": "This is a bright, exposed day for you. Show up as yourself rather than as the version you think people expect.",
    "Waning Gibbous": "You have warmth to spare. Spend some of it on someone who is running low, and praise them for something specific.",
    "Last Quarter": "Notice which of your habits exist only to impress. Drop one of them for a day and see who you are without it.",
    "Waning Crescent": "Quiet days suit you now. Your worth does not depend on being noticed, so let your energy refill in private.",
  },
  Moon: {
    "New Moon": "Your feelings may be hard to read today. Do less, sleep more, and let the next mood arrive in its own time.",
    "Waxing Crescent": "A fresh feeling is taking root. Keep it to yourself for a day or two; it needs shelter more than analysis.",
    "First Quarter": "Something you feel does not fit the routine you are used to. Let the mismatch be uncomfortable without deciding which side must win.",
    "Waxing Gibbous": "Your moods are beginning to make sense. Ten minutes with a notebook could name what has been nagging at you.",
    "Full Moon": "Everything you feel is turned up loud. Let strong feelings have their say before you act on any of them.",
    "Waning Gibbous": "Your heart is full enough to give. Tell one person exactly what they have meant to you.",
    "Last Quarter": "An old hurt is ready to loosen its grip. You can let it go for your own peace without pretending it never happened.",
    "Waning Crescent": "Draw the curtains a little. Familiar comforts and an early night are exactly the right medicine.",
  },
  Mars: {
    "New Moon": "You can feel the urge to act, but the opening is not here yet. Use the waiting to get your tools and plans in order.",
    "Waxing Crescent": "Begin. A clumsy first step today is worth more than a perfect plan next week.",
    "First Quarter": "An obstacle is blocking the way. Choose your approach deliberately, commit to it, and stop re-arguing it with yourself.",
    "Waxing Gibbous": "Your energy is high, so direct it. Practise the difficult part of the task until it stops being difficult.",
    "Full Moon": "Your effort is on show today. Let people see the work as well as the result; it invites help you did not ask for.",
    "Waning Gibbous": "Someone near you is facing a fight you have already won. Tell them how you did it.",
    "Last Quarter": "One conflict in your life has stopped being worth its cost. Consider ending it on terms you can live with.",
    "Waning Crescent": "Put the effort down for a while. Muscles, nerves and plans all come back stronger after a real rest.",
  },
  Mercury: {
    "New Moon": "Leave the problem alone for today. Walks, showers and sleep do their own quiet thinking.",
    "Waxing Crescent": "Send the first message, make the first call, ask the first question. It only has to open the door.",
    "First Quarter": "Head and gut disagree. Write each side's case in two lines and see which one you can live with.",
    "Waxing Gibbous": "Before you share your idea, cut it in half. Shorter will be clearer, and clearer will be heard.",
    "Full Moon": "You will be understood more easily than usual today. Use that for the conversation you have been putting off.",
    "Waning Gibbous": "Something you know would save another person time. Write it down or explain it to them today.",
    "Last Quarter": "One of your firm opinions is due for a check-up. Look for the best argument against it and take it seriously.",
    "Waning Crescent": "Your mind is full. Close a few tabs, mute a few channels, and let tomorrow's thinking start from a cleaner desk.",
  },
  Jupiter: {
    "New Moon": "Name the biggest hope you have and say it out loud. It does not need a plan yet, only a beginning.",
    "Waxing Crescent": "Confidence in your direction is growing. Take one action today that only makes sense if you believe it will work.",
    "First Quarter": "A hard task is the doorway to the larger life you want. Take it on rather than working around it.",
    "Waxing Gibbous": "Your plans for growth are nearly ready. Check the numbers and the timing once more before you commit.",
    "Full Moon": "Look back over the past year and list what you now understand that you did not before. That list is a kind of wealth.",
    "Waning Gibbous": "You have more than you need of something: time, skill, money or attention. Give a share of it away without keeping score.",
    "Last Quarter": "One belief you hold has started to shrink your world. Question it, and keep only the part that still helps.",
    "Waning Crescent": "Slow the pace and count what is already good. Growth resumes more easily from contentment than from hunger.",
  },
  Venus: {
    "New Moon": "A wish about love or beauty is forming but not yet clear. Give it space, and ask yourself what you want before asking anyone else.",
    "Waxing Crescent": "Notice what catches your eye today and linger on it. Small attractions often hint at larger ones.",
    "First Quarter": "A choice may ask you to rank what you care about. Decide what you will not trade, and be flexible about everything else.",
    "Waxing Gibbous": "Something you care about is almost right. Spend your care on the detail only you would notice.",
    "Full Moon": "Affection is easy to show today. Say the warm thing you usually leave unsaid.",
    "Waning Gibbous": "Make something pleasant for someone else: a tidy room, a good meal, a kind note. Beauty shared goes twice as far.",
    "Last Quarter": "If you are holding on to someone or something too tightly, loosen your hold by one notch. Trust does the rest.",
    "Waning Crescent": "Spend some of your tenderness on yourself for a change. Rest and small pleasures now make you better company tomorrow.",
  },
  Saturn: {
    "New Moon": "Start a small routine today and tell no one about it. Habits kept in private become the ones you can lean on.",
    "Waxing Crescent": "A new commitment still feels like effort every time. Keep the promise small enough to keep daily; ease comes with repetition.",
    "First Quarter": "Pressure is checking the strength of what you have built. Adjust where it creaks, but do not abandon the plan.",
    "Waxing Gibbous": "Your practice is close to mastery. Slow down on the finishing touches; they are what people remember.",
    "Full Moon": "People are starting to notice what your steady effort has produced. Let the recognition land instead of waving it away.",
    "Waning Gibbous": "Share a hard-won lesson with someone newer to the work. Ten minutes of your experience can save them a year.",
    "Last Quarter": "Look at one rule you live by and ask whether it still earns its place. If it survives only out of habit, retire it.",
    "Waning Crescent": "A stretch of hard lessons is closing. Take stock of what they taught you, then allow yourself a proper break.",
  },
};

export function planetMoonFallback(planet: string, phase: string): string {
  return `${planet} under ${withArticle(phase)} is an unusual pairing with no fixed meaning. Watch what the day brings without expectations.`;
}
