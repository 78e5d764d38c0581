"""Reinforcement learning from the reward model: PPO (TRL), its monitors, alarms and reward shaping; the preference
objectives beyond DPO (CPO, ORPO, KTO) in ``objectives``."""
