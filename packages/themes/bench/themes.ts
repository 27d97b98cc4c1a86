// Benchmark: coding throughput on 100,000 generated answers and retraining
// time on 5,000. Single-threaded; reports CPU time (one core) and wall time.
import { createCoder } from '../src/coder/create-coder';
import { cpuSeconds } from '../src/eval/evaluate';
import { train } from '../src/model/train';
import { generateAnswers } from './generate-answers';

const CODE_COUNT = 100_000;
const TRAIN_COUNT = 5_000;

function timed<T>(run: () => T): { result: T; cpu: number; wall: number } {
  const cpuStart = cpuSeconds();
  const wallStart = performance.now();
  const result = run();
  return { result, cpu: cpuSeconds() - cpuStart, wall: (performance.now() - wallStart) / 1000 };
}

const trainingSet = generateAnswers(TRAIN_COUNT, 11);
const retrain = timed(() => train(trainingSet));
console.log(`retrain ${TRAIN_COUNT} answers: ${retrain.cpu.toFixed(2)} s CPU, ${retrain.wall.toFixed(2)} s wall`);

const answers = generateAnswers(CODE_COUNT, 23);
const coder = createCoder({ model: retrain.result });
for (const answer of answers.slice(0, 2000)) coder.code(answer.text); // JIT warm-up
let flagged = 0;
const coding = timed(() => {
  for (const answer of answers) if (coder.code(answer.text).themes.some((t) => t.decision === 'yes')) flagged++;
});
console.log(`code ${CODE_COUNT} answers: ${Math.round(CODE_COUNT / coding.cpu)} answers/s on one core (CPU), ${Math.round(CODE_COUNT / coding.wall)} answers/s wall; ${flagged} with a theme`);
console.log(
  JSON.stringify({
    answers: CODE_COUNT,
    answers_per_second: Math.round(CODE_COUNT / coding.cpu),
    answers_per_second_wall: Math.round(CODE_COUNT / coding.wall),
    retrain_answers: TRAIN_COUNT,
    retrain_seconds: Number(retrain.cpu.toFixed(2)),
    retrain_seconds_wall: Number(retrain.wall.toFixed(2)),
    model_bytes: JSON.stringify(retrain.result).length
  })
);
