export function AttackStage() {
  return null;
}
