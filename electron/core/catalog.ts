// The exercise catalog: every move Limber can coach, as plain data.
// Doses follow the source's timings; every word of the steps and cautions is our own.
import type { Position } from './settings.ts';

export type BodyArea = 'neck' | 'shoulders' | 'upper-back' | 'mid-back' | 'lower-back' | 'core' | 'hips' | 'legs';
export type Side = 'left' | 'right';
export type Direction = 'forward' | 'backward' | 'clockwise' | 'anticlockwise';
/** What the body is doing during a stretch of time; figures animate by this. */
export type Motion = Direction | Side | 'hold' | 'release' | 'up' | 'down' | 'none';

/**
 * How much of a move makes one default round. The innermost unit is one side or one direction (or one
 * repetition when neither applies) and lasts `secondsEach`; units nest as sets > reps > sides|directions, so
 * `reps` with `sides` alternates sides within every repetition. A unit with `holdSeconds` is a hold followed by
 * a release for the rest of the unit.
 */
export interface Dose {
  directions?: 2;
  sides?: 2;
  secondsEach: number;
  reps?: number;
  holdSeconds?: number;
  sets?: number;
}

/** A fixed last part of a move, after its units (e.g. the lean back that ends the chair rotation). */
export interface Closing {
  cue: 'lean-back' | 'breathe';
  seconds: number;
}

export interface Exercise {
  id: string;
  name: string;
  /** The main position, the one the figure shows. */
  position: Position;
  /** Every position the move can be done in, the main one first; routines filter on these. */
  positions: readonly Position[];
  areas: readonly BodyArea[];
  steps: readonly string[];
  cautions: readonly string[];
  dose: Dose;
  /** Seconds of the default dose, closing included. */
  totalSeconds: number;
  /** The two directions, in order, when `dose.directions` is set. */
  directionPair?: readonly [Direction, Direction];
  /** Motions of the two halves of each unit (hold and release, or a cycle split in two). */
  phases?: readonly [Motion, Motion];
  closing?: Closing;
}

/** Seconds of a dose: units times seconds per unit. */
export function doseSeconds(dose: Dose): number {
  return (dose.sets ?? 1) * (dose.reps ?? 1) * (dose.sides ?? 1) * (dose.directions ?? 1) * dose.secondsEach;
}

type Entry = Omit<Exercise, 'totalSeconds'>;

// Totals are derived, so they can never disagree with the dose.
const withTotal = (e: Entry): Exercise => ({ ...e, totalSeconds: doseSeconds(e.dose) + (e.closing?.seconds ?? 0) });

const SIT_STAND: readonly Position[] = ['seated', 'standing'];
const STAND_SIT: readonly Position[] = ['standing', 'seated'];

const ENTRIES: readonly Entry[] = [
  {
    id: 'warm-up',
    name: 'Warm-up',
    position: 'standing',
    positions: STAND_SIT,
    areas: ['shoulders', 'upper-back'],
    steps: [
      'Stand tall, or sit near the front of your chair, and let your arms hang loose.',
      'Draw slow, easy circles with your arms, first forwards and then backwards, letting your shoulders roll along.',
      'Finish with a few slow breaths: in through the nose, then a long breath out.',
    ],
    cautions: ['Keep the circles small while your shoulders still feel stiff.'],
    dose: { directions: 2, secondsEach: 15 },
    directionPair: ['forward', 'backward'],
    closing: { cue: 'breathe', seconds: 15 },
  },
  {
    id: 'shoulder-roll',
    name: 'Shoulder roll',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['shoulders', 'upper-back'],
    steps: [
      'Sit up tall with both feet flat, or stand with feet hip-width apart.',
      'Rest your hands lightly on your legs.',
      'Lift your shoulders towards your ears, draw them back, then let them drop: one smooth circle.',
      'Circle forwards first; at the cue, reverse and circle backwards.',
    ],
    cautions: ['Stay within an easy range; big circles are not better circles.'],
    dose: { directions: 2, secondsEach: 30 },
    directionPair: ['forward', 'backward'],
  },
  {
    id: 'neck-roll',
    name: 'Neck roll',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['neck', 'shoulders'],
    steps: [
      'Sit or stand tall, shoulders low and arms loose.',
      'Let your right ear drift towards your right shoulder and stay there for a breath.',
      'Guide your head around in a slow clockwise circle, chin skimming your chest on the way.',
      'At the cue, circle the other way.',
    ],
    cautions: ['Keep the backward part of the circle small, and stop if you feel dizzy or tingling in your arms.'],
    dose: { directions: 2, secondsEach: 30 },
    directionPair: ['clockwise', 'anticlockwise'],
  },
  {
    id: 'march',
    name: 'March on the spot',
    position: 'standing',
    positions: ['standing'],
    areas: ['legs', 'hips', 'core'],
    steps: [
      'Stand tall with your feet under your hips.',
      'Raise one knee to a comfortable height and reach the opposite arm overhead.',
      'Set the foot down softly, lower the arm, and swap to the other side.',
      'Keep a steady rhythm without drifting from your spot.',
    ],
    cautions: ['Rest one hand on the desk if your balance feels unsure.'],
    dose: { reps: 15, sides: 2, secondsEach: 2 },
  },
  {
    id: 'heel-digs',
    name: 'Heel digs',
    position: 'floor',
    positions: ['floor'],
    areas: ['core', 'hips', 'legs'],
    steps: [
      'Lie on your back on a mat, legs long and arms resting beside you.',
      'Draw your right knee up until hip and knee both make a right angle.',
      'Stay there for five seconds, then lower the heel back to the floor.',
      'Do the same with the left leg and keep swapping.',
    ],
    cautions: ['Keep your lower back resting on the floor; skip this one if lying down is uncomfortable.'],
    dose: { reps: 3, sides: 2, secondsEach: 10, holdSeconds: 5 },
    phases: ['up', 'down'],
  },
  {
    id: 'knee-bends',
    name: 'Knee bends',
    position: 'standing',
    positions: ['standing'],
    areas: ['legs', 'hips', 'core'],
    steps: [
      'Stand with your feet hip-width apart and reach your arms forward at shoulder height.',
      'Send your hips back and bend your knees, as though lowering onto a seat behind you.',
      'Pause at a depth that feels easy, then press up to standing.',
    ],
    cautions: ['Keep your knees in line with your toes and only sink as low as feels comfortable.'],
    dose: { reps: 10, secondsEach: 6, holdSeconds: 3 },
    phases: ['down', 'up'],
  },
  {
    id: 'chair-rotation',
    name: 'Chair rotation',
    position: 'seated',
    positions: ['seated'],
    areas: ['mid-back', 'upper-back'],
    steps: [
      'Sit with both feet flat and cross your arms, each hand holding the opposite upper arm.',
      'Keeping feet and hips still, turn your upper body to the right, only as far as feels comfortable.',
      'Pause there, come back to the middle, then turn to the left.',
      'To finish, keep your arms crossed and lean back against the chair for a gentle stretch.',
    ],
    cautions: ['Turn from the middle of your back and never push into pain.'],
    dose: { reps: 3, sides: 2, secondsEach: 5, holdSeconds: 3 },
    closing: { cue: 'lean-back', seconds: 10 },
  },
  {
    id: 'knee-lifts',
    name: 'Seated knee lifts',
    position: 'seated',
    positions: ['seated'],
    areas: ['core', 'hips', 'legs'],
    steps: [
      'Sit near the front of your chair, back tall and hands by your sides.',
      'Raise one knee until the thigh is level with your hip, without leaning back.',
      'Lower it with control, then lift the other one.',
      'For a harder version, keep each knee up a little longer.',
    ],
    cautions: ['Hold the edge of the seat if you want more steadiness.'],
    dose: { reps: 10, sides: 2, secondsEach: 3 },
  },
  {
    id: 'cat-cow',
    name: 'Cat-cow',
    position: 'floor',
    positions: ['floor'],
    areas: ['mid-back', 'upper-back', 'lower-back'],
    steps: [
      'Come onto hands and knees, hands below your shoulders and knees below your hips.',
      'Breathe in as your belly sinks and your gaze lifts.',
      'Breathe out as you round your spine up and let your head hang.',
      'Flow slowly between the two shapes.',
    ],
    cautions: ['Put a folded towel under your knees if the floor is hard.'],
    dose: { reps: 10, secondsEach: 6 },
    phases: ['up', 'down'],
  },
  {
    id: 'upper-trap-stretch',
    name: 'Upper trapezius stretch',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['neck', 'shoulders'],
    steps: [
      'Sit or stand tall with relaxed shoulders.',
      'Tip your head to one side, ear towards shoulder, until a mild stretch runs along the side of your neck.',
      'For a little more, rest that hand on your head and let its weight help; never tug.',
      'Breathe calmly while you stay there, then bring your head back to the middle and change sides.',
    ],
    cautions: ['The stretch should stay mild; ease off at any tingling or numbness.'],
    dose: { sets: 2, sides: 2, secondsEach: 25, holdSeconds: 20 },
  },
  {
    id: 'trunk-rotation',
    name: 'Trunk rotation',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['mid-back', 'upper-back', 'core'],
    steps: [
      'Sit or stand tall, feet planted and hips facing forward.',
      'Firm up your tummy a little and twist your upper body to the right.',
      'Pause for a moment, return to the centre, then twist to the left.',
      'Keep alternating at an easy pace.',
    ],
    cautions: ['Twist only as far as feels comfortable; your range will grow with practice.'],
    dose: { reps: 6, sides: 2, secondsEach: 5, holdSeconds: 3 },
  },
  {
    id: 'overhead-reach',
    name: 'Overhead reach',
    position: 'standing',
    positions: STAND_SIT,
    areas: ['shoulders', 'upper-back', 'mid-back'],
    steps: [
      'Stand tall and lift both arms overhead.',
      'Reach the right hand higher, then the left, like picking fruit from a high branch.',
      'Keep your waist straight while you alternate.',
      'After each round, lower your arms slowly and shake them loose.',
    ],
    cautions: ['Reach only as high as your shoulders allow without pinching.'],
    dose: { sets: 2, reps: 5, sides: 2, secondsEach: 3 },
  },
  {
    id: 'knee-to-chest',
    name: 'Knee to chest',
    position: 'floor',
    positions: ['floor'],
    areas: ['lower-back', 'hips'],
    steps: [
      'Lie on your back on a mat with knees bent and feet flat.',
      'Bring one knee towards you and hold it with both hands just below the kneecap.',
      'Ease the knee in a little further while your lower back stays heavy on the floor.',
      'Stay, then lower the foot slowly and change legs.',
    ],
    cautions: ['Hold behind the thigh instead if your knee complains.'],
    dose: { sets: 2, sides: 2, secondsEach: 25, holdSeconds: 20 },
  },
  {
    id: 'neck-flexion',
    name: 'Neck flexion',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['neck', 'upper-back'],
    steps: [
      'Sit or stand tall, shoulders soft, looking straight ahead.',
      'Let your chin sink slowly towards your chest until you feel a light stretch behind your neck.',
      'Breathe easily while you stay there, then lift your head back up slowly.',
    ],
    cautions: ["Let the head's own weight do the work; don't press down with your hands."],
    dose: { reps: 3, secondsEach: 25, holdSeconds: 20 },
  },
  {
    id: 'childs-pose',
    name: "Child's pose",
    position: 'floor',
    positions: ['floor'],
    areas: ['lower-back', 'hips', 'mid-back'],
    steps: [
      'Kneel on a mat and sit back towards your heels.',
      'Fold forward and slide your hands out in front, palms down.',
      'Let your forehead rest on the mat and soften a little more with every breath out.',
      'To come up, walk your hands back and rise slowly.',
    ],
    cautions: ['Put a cushion between heels and hips if your knees feel strained.'],
    dose: { secondsEach: 50, holdSeconds: 45 },
  },
  {
    id: 'scapular-squeeze',
    name: 'Scapular squeeze',
    position: 'seated',
    positions: SIT_STAND,
    areas: ['upper-back', 'shoulders'],
    steps: [
      'Sit or stand tall with your arms out to the sides.',
      'Press your palms backwards and squeeze your shoulder blades together.',
      'Keep the squeeze while your shoulders stay low, away from your ears.',
      'Let go slowly and rest before the next one.',
    ],
    cautions: ['Keep your shoulders down; shrugging moves the work into your neck.'],
    dose: { reps: 10, secondsEach: 7, holdSeconds: 5 },
  },
  {
    id: 'wall-angel',
    name: 'Wall angel',
    position: 'wall',
    positions: ['wall'],
    areas: ['shoulders', 'upper-back', 'mid-back'],
    steps: [
      'Stand with your back to a wall, heels a small step out, head, shoulders and hips touching it.',
      'Bring your arms into a W against the wall, backs of the hands on it.',
      'Slide your arms up towards an I shape, keeping contact as best you can, then slide back to the W.',
    ],
    cautions: ["Only slide as high as you can while keeping contact; don't arch your lower back."],
    dose: { reps: 10, secondsEach: 6 },
    phases: ['up', 'down'],
  },
];

export const EXERCISES: readonly Exercise[] = ENTRIES.map(withTotal);

const BY_ID = new Map(EXERCISES.map((e) => [e.id, e]));

export function getExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}

/** Moves that need no floor space or wall: the ones a break at the desk can offer. */
export const DESK_FRIENDLY = (e: Exercise): boolean => e.position === 'seated' || e.position === 'standing';

/** True when the move can be done in one of the allowed positions. */
export function allowedIn(e: Exercise, positions: readonly Position[]): boolean {
  return e.positions.some((p) => positions.includes(p));
}
