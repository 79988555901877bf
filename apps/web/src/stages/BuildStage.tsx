export function BuildStage() {
  return null;
}
