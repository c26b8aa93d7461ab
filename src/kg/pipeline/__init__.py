"""Orchestration above the subsystems: build → validate → write, exports, subsets."""
