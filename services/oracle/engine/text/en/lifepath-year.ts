/** What each life path meets in each personal year: lifePathYear[L][Y - 1]. */
import type { CombinerText } from "../engine-text";

export const LIFE_PATH_YEAR: CombinerText["lifePathYear"] = {
  1: [
    "Your nature and your year both point to beginnings. Of all years this one rewards the first step most; take it on something that matters.",
    "A year for listening before leading. The people who walk beside you now will carry your plans further than you could alone.",
    "Your ideas want an audience this year. Put original work where people can see and hear it.",
    "Your ideas need load-bearing walls. Spend this year on the unglamorous groundwork; it decides how high you can go later.",
    "Freedom arrives in a rush. Spend it on experiments you would never get away with in a quieter year.",
    "Home needs its pioneer this year. Fix, organise and lead there first; the wider world can wait a season.",
    "Step out of the race for a while. Quiet thinking time this year shows you which direction is truly yours.",
    "Results and recognition come within reach. Take on the bigger role; you have done the work for it.",
    "A long run is ending. Finish it cleanly and notice who you have become; the next start will be built on that person.",
  ],
  2: [
    "This year hands you the first move. Stop holding the door for everyone else and walk through it yourself.",
    "Partnership is both your nature and your year's theme. Warmth comes easily now; invest in the people who meet you halfway.",
    "Give your sensitivity an outlet of its own: a song, a page, a conversation where you do the talking. Your inner life has something to say.",
    "Slow, steady building suits you this year. Keep placing one brick after another; the wall rises even on days it does not seem to.",
    "Unfamiliar ground comes your way. Move at your own pace, bring a friend, and let curiosity outweigh caution.",
    "Home is where your talents count most this year. Mend, host, gather; you are the glue people are grateful for.",
    "A quieter year that turns you inward. Time spent in stillness lets your intuition speak in full sentences.",
    "Ambition meets your gift for cooperation. Success this year is a group project, so choose your collaborators with care.",
    "Some relationships have given what they had to give. Part kindly; the space they leave will fill with people who fit who you are now.",
  ],
  3: [
    "A blank page is waiting. Start the project that makes you grin when you think about it.",
    "Find a creative partner this year. Trading ideas back and forth will take your work somewhere unexpected.",
    "Expression is both your path and your year. Ideas will arrive faster than you can use them; pick the ones that delight you and finish them.",
    "Set a routine and keep it. Showing up on schedule this year turns a gift into a trade.",
    "Variety is your fuel this year. Go somewhere new, meet someone different, and let the novelty show up in your work.",
    "Your creativity turns toward home and community. A kind note, a shared meal, a story told well: these are this year's masterpieces.",
    "Step off the stage for a while. Time alone this year lets the more serious work in you come up for air.",
    "Your talent can earn its keep. Treat the work professionally this year: price it, promote it, and give it a home.",
    "A creative era is winding down. Give it a proper finale, then rest before you reach for the next idea.",
  ],
  4: [
    "A clean sheet for the Architect. Decide what you want the next few years to hold, and measure twice before committing.",
    "This year rewards working side by side. Share the load and the blueprint; trust makes the structure sturdier.",
    "Loosen the schedule a little and let curiosity in. A bit of fun this year makes your careful work shine.",
    "Structure is both your path and your year. Effort invested now compounds for a long time, so choose projects worth that permanence.",
    "Change rattles your plans this year. Keep the goal fixed and let the route move.",
    "Point your planning skills at the household: the repairs, the budget, the long-postponed clear-out.",
    "This year the structure that needs attention is inside you. Lay down habits of reflection as carefully as you would a foundation.",
    "Long effort starts returning something you can hold. Enjoy it; you are allowed to benefit from your own diligence.",
    "Part of what you built is finished with you. Take it down with gratitude; an empty site is where every good design begins.",
  ],
  5: [
    "The map runs out here, and that suits you. Pick a direction and go; the year favours the first step into the unfamiliar.",
    "Slow down enough to let someone keep pace with you. A steady partnership this year gives your restlessness a home base.",
    "Collect moments this year like a reporter on assignment. The tales you tell later will move people you have not met yet.",
    "Sort out the dull foundations this year: the lease, the savings, the routine. They are what will pay for the next adventure.",
    "Everything moves fast this year, and so do you. Stay loose, say yes often, and keep one hand on the wheel.",
    "Family and duty ask for more of your time. Staying put can still feel new when you bring your curiosity along.",
    "This year's journey is inward. Books, long walks and honest questions will take you further than any ticket.",
    "Your wide experience becomes practical value. Turn what you have seen and learned into income or influence.",
    "Close the chapters that have stopped surprising you. A lighter pack makes the next journey easier to begin.",
  ],
  6: [
    "For once the new beginning is yours alone. Start something that feeds you; everyone you care for benefits when you do.",
    "Your closest bond asks for more listening this year. Small, patient conversations bring you nearer than grand gestures.",
    "Bring play and beauty into the way you look after people. A decorated table or a silly song counts as care.",
    "Put your energy into the nest: budgets, repairs, routines. The calm that follows will outlast the year.",
    "Your sense of duty needs fresh air. Saying no to some demands this year keeps your yes sincere.",
    "Care is both your path and your year. Expect people to lean on you, and make sure someone holds you up too.",
    "Ordinary kindness takes on a deeper meaning this year. Pause inside your daily care and notice what it is teaching you.",
    "The good you have done starts coming back, sometimes as money, sometimes as opportunity. Accept it as gracefully as you give.",
    "Look at the obligations you still carry out of habit. Thank them, finish them, and hand them on.",
  ],
  7: [
    "Curiosity points somewhere new. Follow the question that keeps returning to you; it opens a long and rewarding search.",
    "Another person's perspective sharpens your own. Seek out conversations that go past small talk.",
    "The thoughts you have kept to yourself want an audience. Write them, say them, let them be useful to someone.",
    "Turn hunches into a method. Notes, systems and careful records this year give your insight a spine.",
    "Movement is your teacher this year. New places and unexpected detours will loosen views you thought were fixed.",
    "This year your insight is meant for the people you love. Let your heart lead your analysis, not the other way round.",
    "Depth is both your path and your year. Protect long stretches of quiet; the understanding you have been waiting for is near.",
    "This year someone will pay for your expertise if you let them. Name your price and stand behind it.",
    "A long investigation is reaching its end. Gather what you learned into a form others can use, then let the subject rest.",
  ],
  8: [
    "A new enterprise is ready to start. Back it with your full authority and plan for it to grow for years.",
    "Partnerships decide this year's success. Look for people who are strong where you are not, and treat them as equals.",
    "Your voice carries further than usual. Tell the story of where you are going; people will want to come along.",
    "Shore up the machinery behind your ambitions: processes, savings, reliable people. It is unglamorous and it is decisive.",
    "Expect the ground to move. Stay nimble, revisit your plans often, and treat surprises as openings.",
    "Use your strength on behalf of others this year. Mentoring, supporting and protecting will feel better than winning.",
    "Take a thinking year. Study the bigger picture before committing resources; patience now prevents costly moves later.",
    "Ambition is both your path and your year. Aim high, act decisively, and stay honest; success is within reach.",
    "A big cycle of effort is complete. Train a successor, write down what you know, and step back to admire the result.",
  ],
  9: [
    "After so many endings, a real beginning. Start something new and bring your hard-won perspective with you.",
    "Connection matters more than usual this year. Your patience and perspective make you a gentle, steady companion.",
    "What you say and make this year can speak for many people. Create with the wider world in mind.",
    "Turn big-picture understanding into something practical: a plan, a class, a helping hand that shows up every week.",
    "Wander a little this year. Travel and change show you how much you can enjoy without needing to keep it.",
    "People feel better near you this year. Listen more than you advise; your company is the gift.",
    "Deep questions are unusually close this year. Give them unhurried hours and let the replies come in their own time.",
    "You gain influence this year. Put it behind one cause you believe in and see it through.",
    "A great cycle comes full circle. Honour the ending completely; a new one will find you without being chased.",
  ],
};

export function masterPathNote(master: number): string {
  return ` As a master number, Life Path ${master} carries all of this at a higher intensity.`;
}

export function masterYearNote(master: number): string {
  return ` Because ${master} is a master year, expect the theme to arrive with extra force.`;
}

export function lifePathYearFallback(lifePath: number, personalYear: number): string {
  return `Life Path ${lifePath} in Personal Year ${personalYear} is an uncommon meeting; read it through your own experience of the year so far.`;
}
