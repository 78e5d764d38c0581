"""Reinforcement learning from the reward model: PPO (TRL), its monitors, alarms and reward shaping."""
