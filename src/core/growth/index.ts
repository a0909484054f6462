export {
  change,
  changeInterval,
  yearSteps,
  cagr,
  targetPath,
  assessRequiredChange,
  judgedDecimals,
  roundHalfUp,
} from './growth';
export type { Interval, Assessment, AssessmentStatus, TargetPathOptions } from './growth';
